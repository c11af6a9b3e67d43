package dev.orgbff;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates from the {@code @ConfigurationProperties} records
 * ({@code META-INF/spring-configuration-metadata.json}, what IDEs complete {@code application.yaml} with) names
 * exactly the {@code logto.*} and {@code orgbff.*} properties that {@code application.yaml} sets, each with a plain
 * description (the record component's {@code @param} text) and the default {@code application.yaml} gives it. A former
 * name ({@code additional-spring-configuration-metadata.json}) is deprecated in favour of a property described there.
 */
class ConfigurationMetadataTests {

    private static final List<String> PREFIXES = List.of("logto.", "orgbff.");
    /**
     * {@code ${ENVIRONMENT_VARIABLE:default}} or {@code ${former.name:default}}, nested: the innermost default is what
     * applies when neither is set.
     */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+:(.*)}");

    @Test
    void metadata_everyApplicationProperty_namedAndNothingElse() throws IOException {
        // given
        Map<String, String> configured = applicationYaml();
        // when
        Map<String, JsonNode> described = metadata();
        // then
        assertThat(described.keySet()).as("properties in spring-configuration-metadata.json (add the property to application.yaml, "
                + "or a @ConfigurationProperties record for it)").containsExactlyInAnyOrderElementsOf(configured.keySet());
    }

    @Test
    void metadata_everyProperty_hasPlainDescription() throws IOException {
        // when
        Map<String, JsonNode> described = metadata();
        // then
        assertThat(described).isNotEmpty().allSatisfy((name, property) -> assertThat(property.path("description").asString(""))
                .as("description of %s: the @param text of its record component, a plain sentence (IDEs show no Javadoc tags)", name)
                .matches("[A-Z_0-9].*[.)]")
                .doesNotContain("{@", "<", "&"));
    }

    @Test
    void metadata_defaults_matchApplicationYaml() throws IOException {
        // given
        Map<String, String> configured = applicationYaml();
        // when
        Map<String, JsonNode> described = metadata();
        // then
        configured.forEach((name, value) -> {
            if (!value.isEmpty() && described.containsKey(name)) {
                assertThat(text(described.get(name).path("defaultValue")))
                        .as("default of %s in the metadata (@DefaultValue on the record component) against application.yaml", name)
                        .isEqualToIgnoringCase(value);
            }
        });
    }

    /** The {@code logto.*}/{@code orgbff.*} keys of application.yaml with their defaults (a list joined by commas). */
    private static Map<String, String> applicationYaml() throws IOException {
        Map<String, List<String>> values = new TreeMap<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))) {
            for (String key : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                String name = key.replaceFirst("\\[\\d+]$", "");
                if (PREFIXES.stream().anyMatch(name::startsWith)) {
                    String value = String.valueOf(source.getProperty(key));
                    for (Matcher placeholder = PLACEHOLDER.matcher(value); placeholder.matches(); placeholder = PLACEHOLDER.matcher(value)) {
                        value = placeholder.group(1);
                    }
                    values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
                }
            }
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        values.forEach((name, list) -> defaults.put(name, String.join(",", list)));
        return defaults;
    }

    @Test
    void metadata_formerNames_deprecatedInFavourOfADescribedProperty() throws IOException {
        // when
        Map<String, JsonNode> former = metadata(true);
        // then
        Map<String, JsonNode> current = metadata();
        assertThat(former).containsOnlyKeys("orgbff.rate-limit.redis-url", "orgbff.rate-limit.redis-timeout")
                .allSatisfy((name, property) -> assertThat(current).containsKey(property.path("deprecation").path("replacement").asString()));
    }

    /** Every {@code logto.*}/{@code orgbff.*} property in the metadata files on the classpath but the former names. */
    private static Map<String, JsonNode> metadata() throws IOException {
        return metadata(false);
    }

    /** The {@code logto.*}/{@code orgbff.*} properties in the metadata files on the classpath (Boot's own jars have theirs), deprecated or not. */
    private static Map<String, JsonNode> metadata(boolean deprecated) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> properties = new TreeMap<>();
        for (URL file : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (PREFIXES.stream().anyMatch(name::startsWith) && property.has("deprecation") == deprecated) {
                        assertThat(properties.put(name, property)).as("%s described twice", name).isNull();
                    }
                }
            }
        }
        return properties;
    }

    /** A default as application.yaml spells it; the processor writes a record's list default as one string, {@code [a, b]}. */
    private static String text(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> items.add(item.asString()));
            return String.join(",", items);
        }
        String text = value.isMissingNode() ? "" : value.asString();
        return text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1).replace(", ", ",") : text;
    }
}
