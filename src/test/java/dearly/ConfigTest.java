package dearly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsAreSqliteInDataOnPort8080() {
        Config config = Config.fromEnvironment(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.embedded()).isTrue();
        assertThat(config.baseUrl()).isEmpty();
        assertThat(config.timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void everyVariableIsRead() {
        Config config = Config.fromEnvironment(Map.of(
                "DEARLY_PORT", "9000",
                "DEARLY_DATA_DIR", "/var/lib/dearly",
                "DEARLY_DATABASE_URL", "jdbc:postgresql://db:5432/dearly",
                "DEARLY_BASE_URL", "https://dearly.example/",
                "DEARLY_TIME_ZONE", "America/Bogota"));
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/dearly"));
        assertThat(config.embedded()).isFalse();
        assertThat(config.baseUrl().orElseThrow()).hasToString("https://dearly.example");
        assertThat(config.timeZone()).isEqualTo(java.time.ZoneId.of("America/Bogota"));
    }

    @Test
    void mistakesAreExplainedByVariableName() {
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DEARLY_PORT", "eighty")))
                .hasMessageContaining("DEARLY_PORT");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DEARLY_DATABASE_URL", "mysql://x")))
                .hasMessageContaining("DEARLY_DATABASE_URL");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DEARLY_BASE_URL", "dearly.example")))
                .hasMessageContaining("DEARLY_BASE_URL");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("DEARLY_TIME_ZONE", "Bogota")))
                .hasMessageContaining("DEARLY_TIME_ZONE");
    }
}
