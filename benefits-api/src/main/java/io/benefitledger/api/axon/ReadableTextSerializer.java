package io.benefitledger.api.axon;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * The events' serializer, refusing to write what could not be read back as text: JSON with a lone surrogate or
 * U+0000 (Jackson writes both as \\u escapes, which PostgreSQL's json types and many readers refuse). Events are
 * immutable, so a bad one would stay for good; the edge refuses such text first ({@code UnicodeText}), and this is
 * the last line should any path forget to.
 */
final class ReadableTextSerializer implements Serializer {

    /** Thrown instead of writing an event that holds text no reader could take back; the command is rolled back. */
    static final class UnreadableText extends SerializationException {
        UnreadableText(String type) {
            super("an event of type " + type + " holds text that is not valid Unicode; it was not recorded");
        }
    }

    private final Serializer delegate;

    ReadableTextSerializer(Serializer delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        byte[] json = delegate.getConverter().convert(serialized.getData(), expectedRepresentation, byte[].class);
        if (!readable(json)) {
            throw new UnreadableText(object == null ? "null" : object.getClass().getSimpleName());
        }
        return serialized;
    }

    /** Whether every string in the JSON is valid Unicode without U+0000, escaped or not. */
    static boolean readable(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                return false;
            }
            if (json[i] != '\\') {
                continue;
            }
            if (i + 1 < json.length && json[i + 1] == 'u') {
                int unit = hex(json, i + 2);
                if (unit == 0 || Character.isLowSurrogate((char) unit)) {
                    return false;
                }
                if (Character.isHighSurrogate((char) unit)) {
                    boolean pairFollows = i + 11 < json.length && json[i + 6] == '\\' && json[i + 7] == 'u'
                                          && Character.isLowSurrogate((char) hex(json, i + 8));
                    if (!pairFollows) {
                        return false;
                    }
                    i += 6;
                }
                i += 5;
            } else {
                i++; // an escaped character: \" \\ \n and the like
            }
        }
        return true;
    }

    private static int hex(byte[] json, int from) {
        if (from + 4 > json.length) {
            return 0;
        }
        return Integer.parseInt(new String(json, from, 4, StandardCharsets.US_ASCII), 16);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
