package dearly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./dearly} launcher with fake JDKs and a fake {@code mvnw}, so these tests
 * depend neither on the JDKs installed here nor on Maven, and finish in seconds.
 *
 * <p>The script changes to its own directory, so most tests run a byte-for-byte copy of it inside
 * a temporary project whose {@code mvnw} and {@code target/dearly.jar} are fakes: what the
 * launcher would have run is then written to files that the tests read.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));

    @TempDir Path tmp;

    private Path project;
    private Path pathDir;
    private Path jdk17;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.copy(PROJECT.resolve("dearly"), project.resolve("dearly"));
        executable(project.resolve("dearly"));
        // What a build would do: record how it was called, then leave a fresh jar.
        write(project.resolve("mvnw"), """
                #!/bin/sh
                printf '%s\\n' "JAVA_HOME=$JAVA_HOME" "java=$(command -v java)" "$@" > mvnw-ran-with
                mkdir -p target && : > target/dearly.jar
                """);
        executable(project.resolve("mvnw"));
        write(project.resolve("pom.xml"), "<project/>\n");
        write(project.resolve("src/main/java/dearly/Dearly.java"), "class Dearly {}\n");
        write(project.resolve("target/dearly.jar"), "");
        jarIsUpToDate();

        // The first java on PATH is an old one, reached through a symlink and with no release
        // file, so the script must follow the link and ask `java -version`. /usr/bin and /bin
        // are on PATH only for the tools the script uses; a java there comes second, unseen.
        jdk17 = fakeJdk("jdk-17", "17.0.15", true, false);
        pathDir = Files.createDirectories(tmp.resolve("path"));
        Files.createSymbolicLink(pathDir.resolve("java"), jdk17.resolve("bin/java"));
    }

    @Test
    void saysPlainlyWhatToInstallWhenNoJdk21IsFound() throws Exception {
        Result result = dearly(env("JAVA_HOME", "/nonexistent", "DEARLY_JDK_LOCATIONS", ""), "migrate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("Dearly needs a Java Development Kit (JDK) 21 or newer, and none was found.")
                .contains("JAVA_HOME: /nonexistent (no bin/java there)")
                .contains("java on PATH: " + jdk17 + " (version 17, too old)")
                .contains("sudo apt-get install openjdk-21-jdk")
                .contains("brew install openjdk@21")
                .contains("https://adoptium.net");
        assertThat(jdk17.resolve("ran-with")).doesNotExist();
        assertThat(project.resolve("mvnw-ran-with")).doesNotExist();
    }

    @Test
    void saysWhyEachJavaItFoundWasRejected() throws Exception {
        fakeJdk("found/jre-21", "21.0.2", false, true);
        fakeJdk("found/jdk-1.8", "1.8.0_392", true, true);

        Result result = dearly(env("DEARLY_JDK_LOCATIONS", tmp.resolve("found") + "/*:/nowhere/*"), "build");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr())
                .contains("JAVA_HOME: not set")
                .contains(tmp.resolve("found/jre-21") + " (version 21, but a JRE: no bin/javac")
                .contains(tmp.resolve("found/jdk-1.8") + " (version 8, too old)")
                .contains("and searched: " + tmp.resolve("found") + "/*, /nowhere/*");
        assertThat(project.resolve("mvnw-ran-with")).doesNotExist();
    }

    @Test
    void skipsAnOldJavaHomeAndFindsANewerJdk() throws Exception {
        Path oldHome = fakeJdk("home-jdk-17", "17.0.15", true, true);
        fakeJdk("jdks/jdk-1.8", "1.8.0_392", true, true);
        Path jdk25 = fakeJdk("jdks/jdk-25", "25", true, true);

        Result result = dearly(
                env("JAVA_HOME", oldHome.toString(), "DEARLY_JDK_LOCATIONS", tmp.resolve("jdks") + "/*"),
                "migrate", "--dry-run");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains(
                "Note: skipping JAVA_HOME=" + oldHome + " (version 17, too old); using JDK 25 at " + jdk25);
        assertThat(ranWith(jdk25)).containsExactly("-jar", "target/dearly.jar", "migrate", "--dry-run");
        assertThat(project.resolve("mvnw-ran-with")).doesNotExist();
    }

    @Test
    void runStartsTheServerWithItsArgumentsAndEnvironmentUntouched() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.2", true, true);
        Map<String, String> env = env("JAVA_HOME", jdk21.toString(), "DEARLY_JDK_LOCATIONS", "");
        env.put("DEARLY_PORT", "7001");

        Result result = dearly(env, "run", "--data", "my letters");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(ranWith(jdk21)).containsExactly(
                "DEARLY_PORT=7001", "-jar", "target/dearly.jar", "serve", "--data", "my letters");
    }

    @Test
    void buildsFirstWhenASourceIsNewerThanTheJar() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.2", true, true);
        Files.setLastModifiedTime(project.resolve("target/dearly.jar"), at(-120));
        Files.setLastModifiedTime(project.resolve("src/main/java/dearly/Dearly.java"), at(-60));

        Result result = dearly(env("JAVA_HOME", jdk21.toString(), "DEARLY_JDK_LOCATIONS", ""), "backup");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).isEqualTo("Building Dearly (first run takes a minute)...\n");
        assertThat(mvnwRanWith()).containsExactly(
                "JAVA_HOME=" + jdk21, "java=" + jdk21.resolve("bin/java"),
                "-B", "-q", "--no-transfer-progress", "-DskipTests", "package");
        assertThat(ranWith(jdk21)).containsExactly("-jar", "target/dearly.jar", "backup");
    }

    @Test
    void buildsFirstWhenTheJarIsMissing() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.2", true, true);
        Files.delete(project.resolve("target/dearly.jar"));

        Result result = dearly(env("JAVA_HOME", jdk21.toString(), "DEARLY_JDK_LOCATIONS", ""), "run");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("Building Dearly");
        assertThat(project.resolve("mvnw-ran-with")).exists();
        assertThat(ranWith(jdk21)).containsExactly("-jar", "target/dearly.jar", "serve");
    }

    @Test
    void testRunsEveryTestThroughMavenWithTheFoundJdkFirstOnPath() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.2", true, true);

        Result result = dearly(
                env("JAVA_HOME", jdk21 + "/", "DEARLY_JDK_LOCATIONS", ""), "test", "-Dtest=Foo");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(mvnwRanWith()).containsExactly(
                "JAVA_HOME=" + jdk21, "java=" + jdk21.resolve("bin/java"),
                "-B", "--no-transfer-progress", "verify", "-Dtest=Foo");
    }

    @Test
    void printsUsageForHelp() throws Exception {
        // The real script in the real project: help must work (exit 0) even with no JDK 21.
        Result result = run(PROJECT, env("JAVA_HOME", jdk17.toString(), "DEARLY_JDK_LOCATIONS", ""), "help");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("Usage: ./dearly COMMAND")
                .containsPattern("(?m)^  run ")
                .containsPattern("(?m)^  test ")
                .containsPattern("(?m)^  build ")
                .contains("Any other command is handed to the program")
                .contains("JDK: none of version 21 or newer found");
    }

    @Test
    void helpShowsItsOwnCommandsThenHandsOverToTheProgramsHelp() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.2", true, true);

        for (String help : List.of("help", "--help", "-h")) {
            Result result = dearly(env("JAVA_HOME", jdk21.toString(), "DEARLY_JDK_LOCATIONS", ""), help);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("Usage: ./dearly COMMAND").contains("JDK: 21 at " + jdk21);
            // picocli answers `help`: the list of every command comes from the program itself.
            assertThat(ranWith(jdk21)).as(help).containsExactly("-jar", "target/dearly.jar", "help");
        }
        dearly(env("JAVA_HOME", jdk21.toString(), "DEARLY_JDK_LOCATIONS", ""), "help", "user");
        assertThat(ranWith(jdk21)).containsExactly("-jar", "target/dearly.jar", "help", "user");
    }

    @Test
    void usageNamesOnlyCommandsThatExist() throws Exception {
        Result result = run(PROJECT, env("JAVA_HOME", jdk17.toString(), "DEARLY_JDK_LOCATIONS", ""), "help");

        Set<String> exist = new TreeSet<>(Set.of("run", "test", "build", "bench", "help"));
        exist.addAll(Dearly.commandLine(Map.of()).getSubcommands().keySet());
        Matcher named = Pattern.compile("(?m)^  ([a-z-]+) ").matcher(result.stdout());
        List<String> listed = new ArrayList<>();
        while (named.find()) listed.add(named.group(1));
        assertThat(listed).isNotEmpty();
        assertThat(exist).containsAll(listed);
        // Once advertised, never built.
        assertThat(result.stdout()).doesNotContain("reindex").doesNotContain("import").doesNotContain("backup");
    }

    // --- helpers ---------------------------------------------------------------------------

    private record Result(int exitCode, String stdout, String stderr) {}

    /** A fake Java home whose bin/java records its arguments in {@code <home>/ran-with}. */
    private Path fakeJdk(String name, String version, boolean withJavac, boolean withReleaseFile)
            throws IOException {
        Path home = tmp.resolve(name);
        Path ranWith = home.resolve("ran-with");
        write(home.resolve("bin/java"), """
                #!/bin/sh
                if [ "$1" = -version ]; then
                  echo 'openjdk version "%s" 2025-04-15' >&2
                  exit 0
                fi
                { [ -z "${DEARLY_PORT:-}" ] || echo "DEARLY_PORT=$DEARLY_PORT"; printf '%%s\\n' "$@"; } > '%s'
                """.formatted(version, ranWith));
        executable(home.resolve("bin/java"));
        if (withJavac) {
            write(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
            executable(home.resolve("bin/javac"));
        }
        if (withReleaseFile) {
            write(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    private Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", pathDir + ":/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    private Result dearly(Map<String, String> env, String... args) throws Exception {
        return run(project, env, args);
    }

    private Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./dearly"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout");
        Path err = tmp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("./dearly %s did not finish in 20 s; stderr: %s", String.join(" ", args), Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> ranWith(Path jdk) throws IOException {
        Path file = jdk.resolve("ran-with");
        assertThat(file).as("%s/bin/java was run", jdk).exists();
        return Files.readAllLines(file);
    }

    private List<String> mvnwRanWith() throws IOException {
        Path file = project.resolve("mvnw-ran-with");
        assertThat(file).as("mvnw was run").exists();
        return Files.readAllLines(file);
    }

    /** Sources an hour old, the jar now: nothing to build. */
    private void jarIsUpToDate() throws IOException {
        Files.setLastModifiedTime(project.resolve("pom.xml"), at(-3600));
        Files.setLastModifiedTime(project.resolve("src/main/java/dearly/Dearly.java"), at(-3600));
        Files.setLastModifiedTime(project.resolve("src/main/java/dearly"), at(-3600));
        Files.setLastModifiedTime(project.resolve("src/main/java"), at(-3600));
        Files.setLastModifiedTime(project.resolve("src/main"), at(-3600));
        Files.setLastModifiedTime(project.resolve("target/dearly.jar"), at(0));
    }

    private static FileTime at(long secondsFromNow) {
        return FileTime.from(Instant.now().plus(secondsFromNow, ChronoUnit.SECONDS));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
