package io.benefitledger.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Issues license keys when they are revealed. Keys are five groups of five characters from an alphabet without
 * look-alikes (no 0/O, 1/I). Production uses a {@link java.security.SecureRandom}; tests pass a seeded generator.
 */
public class LicenseKeyIssuer {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final RandomGenerator random;

    public LicenseKeyIssuer(RandomGenerator random) {
        this.random = random;
    }

    public List<String> issue(int count) {
        List<String> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            keys.add(key());
        }
        return keys;
    }

    private synchronized String key() {
        StringBuilder key = new StringBuilder(29);
        for (int group = 0; group < 5; group++) {
            if (group > 0) {
                key.append('-');
            }
            for (int c = 0; c < 5; c++) {
                key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return key.toString();
    }
}
