package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Configuring the usual addresses is all it takes to leave the embedded default. */
class EmbeddedDefaultsTest {

    private final EmbeddedDefaults defaults = new EmbeddedDefaults();

    @Test
    void withNothingConfiguredTheAppRunsItsOwnEngineAndDatabase() {
        StandardEnvironment environment = environment(Map.of("pal.zeebe.embedded.port", "0"));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("pal.zeebe.embedded", Boolean.class)).isTrue();
        assertThat(environment.getProperty("pal.database.embedded", Boolean.class)).isTrue();
        assertThat(environment.getProperty("camunda.client.grpc-address")).matches("http://127\\.0\\.0\\.1:\\d+")
                .isNotEqualTo("http://127.0.0.1:0");
        assertThat(environment.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("false");
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:mysql://127.0.0.1:")
                .contains("/palflow?");
    }

    @Test
    void realZeebeAndMysqlAddressesSwitchTheEmbeddedPartsOff() {
        StandardEnvironment environment = environment(Map.of(
                "CAMUNDA_CLIENT_GRPCADDRESS", "http://zeebe:26500",
                "SPRING_DATASOURCE_URL", "jdbc:mysql://mysql:3306/palflow"));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("pal.zeebe.embedded", Boolean.class)).isFalse();
        assertThat(environment.getProperty("pal.database.embedded", Boolean.class)).isFalse();
        assertThat(environment.getProperty("camunda.client.grpc-address")).isEqualTo("http://zeebe:26500");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://mysql:3306/palflow");
    }

    @Test
    void aCamundaClientModeAloneAlsoMeansARealCluster() {
        StandardEnvironment environment = environment(Map.of("camunda.client.mode", "saas"));

        defaults.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("pal.zeebe.embedded", Boolean.class)).isFalse();
    }

    /** The properties arrive as environment variables do, with their relaxed names. */
    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        properties));
        org.springframework.boot.context.properties.source.ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
