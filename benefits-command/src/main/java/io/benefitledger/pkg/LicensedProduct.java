package io.benefitledger.pkg;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A licensed product of a package (a Software product, or a license-based Cloud subscription), whose keys are
 * revealed ("Get keys") for a display language and an
 * operating system. The download link for that choice is {@code downloadUrlTemplate} with
 * {@code {language}} and {@code {os}} filled in.
 *
 * @param keys                how many license keys the package holds for the product; reveals never exceed it
 * @param validFromActivation how long the product stays usable from its first reveal (its activation), when the
 *                            offering counts its validity so; null: usable as long as the package's membership year
 */
public record LicensedProduct(ProductId productId, String name, int keys, List<String> languages,
                              List<String> operatingSystems, String downloadUrlTemplate,
                              String specialInstructions, Duration validFromActivation) {

    /** A product usable as long as its package's year, as every product was before validity was counted. */
    public LicensedProduct(ProductId productId, String name, int keys, List<String> languages,
                           List<String> operatingSystems, String downloadUrlTemplate, String specialInstructions) {
        this(productId, name, keys, languages, operatingSystems, downloadUrlTemplate, specialInstructions, null);
    }

    public LicensedProduct {
        Objects.requireNonNull(productId, "product id is required");
        requireText("product name", name);
        if (keys < 1) {
            throw new IllegalArgumentException("a product must hold at least one license key");
        }
        languages = nonEmpty("languages", languages);
        operatingSystems = nonEmpty("operating systems", operatingSystems);
        requireText("download URL template", downloadUrlTemplate);
        specialInstructions = specialInstructions == null ? "" : specialInstructions;
        if (validFromActivation != null && (validFromActivation.isNegative() || validFromActivation.isZero())) {
            throw new IllegalArgumentException("a product is valid for a positive duration from its activation");
        }
    }

    public boolean offersLanguage(String language) {
        return languages.contains(language);
    }

    public boolean offersOperatingSystem(String operatingSystem) {
        return operatingSystems.contains(operatingSystem);
    }

    public String downloadLink(String language, String operatingSystem) {
        return downloadUrlTemplate.replace("{language}", language).replace("{os}", operatingSystem);
    }

    private static List<String> nonEmpty(String what, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a product must offer at least one of its " + what);
        }
        values.forEach(value -> requireText(what, value));
        return List.copyOf(values);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
