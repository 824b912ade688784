package org.solidarityfunds.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell example of README.md and docs/ runs, as a reader would run it, against the
 * service with dev mode's demo data, and answers what the page says.
 *
 * <p>Each page's ```sh blocks run in order in one bash, as a reader pastes them into one
 * terminal (a block may use the variables of an earlier one), with {@code localhost:8080}
 * turned into the test's address; they mint their tokens with {@code POST /dev/tokens} as the
 * pages say. They run in a directory where {@code docs/} is the repository's, as a reader runs them from
 * the repository's root (a block may send a file of docs/ with {@code curl --data-binary @docs/...}).
 * The real {@code curl} and {@code jq} do the work: a shell function in front of
 * curl only notes each request's method, path and status ({@code curl -v}). Then:
 * <ul>
 * <li>the script ends without an error ({@code set -euo pipefail}: an unset variable fails);</li>
 * <li>every request answers 2xx, or 304 to an {@code If-None-Match};</li>
 * <li>where a ```json block follows a block (nothing but blank lines between), it is that
 * block's answer: the last JSON value the block prints has every member it shows, with the
 * same value ({@code "…"} stands for any value: ids, hashes, instants); if it shows a
 * problem, the block's last request answers its status;</li>
 * <li>the pages that record something run last (those in {@link #RECORDING_PAGES}), in the order
 * that list gives, so that the others read the demo data as it was loaded and each of them reads
 * what the ones before it left; any other page that writes fails.</li>
 * </ul>
 * A shell block that cannot run here is listed in {@link #NOT_RUN} with the reason; other
 * blocks are code or data of another kind, listed by language in {@link #NOT_RUN_KINDS}. Needs
 * bash, curl and jq, the README's prerequisites.
 */
@QuarkusTest
@TestProfile(DemoDataProfile.class)
class DocsExamplesTest {

    /** Shell blocks that do not run here, by page and first line, with why. */
    static final Map<String, String> NOT_RUN = Map.ofEntries(
            Map.entry("README.md|export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64",
                    "chooses the JDK that builds and runs the service (this test already runs on it)"),
            Map.entry("README.md|./mvnw quarkus:dev",
                    "starts the service in dev mode; the test runs the same service with the same demo data"),
            Map.entry("README.md|./mvnw quarkus:dev -Dquarkus.console.enabled=false < /dev/null > dev.log 2>&1 &",
                    "starts the service in dev mode, unattended; the test runs the same service"),
            Map.entry("README.md|./mvnw verify", "the build and the whole test suite, this test included"),
            Map.entry("README.md|./mvnw package",
                    "production: needs a PostgreSQL server and an identity provider of its own"),
            Map.entry("docs/guides/partner-integration.md|TOKEN=$(curl -s https://sso.example.org/realms/"
                    + "solidarity-funds/protocol/openid-connect/token \\",
                    "a token from a production identity provider (sso.example.org)"),
            Map.entry("docs/operating/authentication.md|MP_JWT_VERIFY_ISSUER=https://sso.example.org/realms/"
                    + "solidarity-funds", "configuration of a production identity provider: no request"),
            Map.entry("docs/operating/database-roles.md|QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://"
                    + "db.example.org:5432/ledger", "configuration of a production database: no request"),
            Map.entry("docs/operating/database-roles.md|# 1. Once per release (a Kubernetes Job, a deploy step): "
                    + "migrate as the owner, then exit.", "runs the packaged service on a production database"),
            Map.entry("docs/operating/deploy.md|kubectl apply --server-side -f \\", "needs a Kubernetes cluster"),
            Map.entry("docs/operating/deploy.md|kubectl apply -f \\", "needs a Kubernetes cluster"),
            Map.entry("docs/operating/deploy.md|kubectl apply -f k8s/overlays/prod/namespace.yaml",
                    "needs a Kubernetes cluster"),
            Map.entry("docs/operating/deploy.md|kubectl apply -k k8s/overlays/prod", "needs a Kubernetes cluster"),
            Map.entry("docs/operating/deploy.md|# PostgreSQL: \"Cluster in healthy state\", 3 ready instances.",
                    "needs a Kubernetes cluster"),
            Map.entry("docs/operating/deploy.md|# An administrator creates a first fund (a new database has none); "
                    + "finance staff, an auditor", "a new production database through a port-forward, with tokens "
                    + "from the identity provider; it creates LIBAN-2020, which the demo data has already"),
            Map.entry("docs/operating/performance.md|git clone <repo> /tmp/bench-build && (cd /tmp/bench-build && "
                    + "./mvnw -B -ntp -q package -DskipTests)", "the benchmark: about 13 minutes, as root, on a "
                    + "PostgreSQL 15 of its own"));

    /** Blocks in other languages, or in none: why they do not run. */
    static final Map<String, String> NOT_RUN_KINDS = Map.of(
            "", "a diagram, a formula, log lines or a line of options: not a command",
            "sql", "SQL for psql, run against the database, not the API",
            "python", "a Python client's functions, called by the reader's own code",
            "java", "a Java client's polling loop, which never ends",
            "xml", "Maven configuration for the reader's project",
            "properties", "configuration of application.properties, read by the service, not a command",
            "http", "an HTTP message shown for its headers; the entry id is made up",
            "json", "a request body or a log line, shown for its shape (not after a shell block)");

    /**
     * Pages whose examples record something: they run after all the others, in this order. The bank
     * statements' example comes first: its transfer naming deliberation DEL-2020-112 must find the
     * demo data's one pledge of that reference, not also the one the pledges' example adds.
     */
    static final List<String> RECORDING_PAGES = List.of("docs/guides/bank-statements.md",
            "docs/concepts/pledges-and-contributions.md", "docs/guides/supporting-documents.md");

    private static final Set<String> SHELL = Set.of("sh", "bash", "shell");
    private static final String ELIDED = "…";
    private static final int TOOLS_MISSING = 97;
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(DocsExamplesTest.class);

    @TestHTTPResource("/")
    URL service;

    @TempDir
    Path work;

    /** A fenced block: its page, the line of its opening fence, its language and its text. */
    record Block(String page, int line, String language, String text, boolean followsShellBlock) {

        String firstLine() {
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        }

        String key() {
            return page + "|" + firstLine();
        }

        boolean shell() {
            return SHELL.contains(language);
        }

        boolean runs() {
            return shell() && !NOT_RUN.containsKey(key());
        }

        @Override
        public String toString() {
            return page + ":" + line;
        }
    }

    /** One request a block made, as curl -v traced it. */
    record Call(int block, String method, String path, int status, boolean conditional, String trace) {
    }

    static Stream<String> pages() throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add("README.md");
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).map(file -> ROOT.relativize(file).toString())
                    .sorted().forEach(pages::add);
        }
        pages.sort(Comparator.comparingInt(RECORDING_PAGES::indexOf));
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void the_examples_of_a_page_answer_what_it_shows(String page) throws Exception {
        List<Block> blocks = blocks(page);
        List<Block> running = blocks.stream().filter(Block::runs).toList();
        List<String> notRun = blocks.stream().filter(block -> block.shell() && !block.runs())
                .map(block -> block + " (" + NOT_RUN.get(block.key()) + ")").toList();
        if (running.isEmpty()) {
            LOG.infof("%s: no example runs; not run: %s", page, notRun);
            return;
        }
        Path calls = Files.createDirectories(work.resolve("calls"));
        if (Files.notExists(work.resolve("docs"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(work.resolve("docs"), ROOT.resolve("docs"));
        }
        Files.writeString(calls.resolve("count"), "0");
        Path script = work.resolve("examples.sh");
        Files.writeString(script, script(running, calls));
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile()).redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().put("NO_PROXY", "localhost");
        builder.environment().put("no_proxy", "localhost");
        Process bash = builder.start();
        assertThat(bash.waitFor(5, TimeUnit.MINUTES)).as("the examples of %s end within 5 minutes", page).isTrue();
        String errors = Files.readString(work.resolve("stderr.txt"));
        assertThat(bash.exitValue()).as("bash, curl and jq on the PATH (the README's prerequisites): %s", errors)
                .isNotEqualTo(TOOLS_MISSING);
        List<Call> made = calls(calls);

        List<String> failures = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        int completed = running.size();
        if (bash.exitValue() != 0) {
            int stoppedIn = Integer.parseInt(Files.readString(calls.resolve("block")).strip());
            completed = stoppedIn;
            List<Call> ofBlock = made.stream().filter(call -> call.block() == stoppedIn).toList();
            failures.add(running.get(stoppedIn) + " stopped with exit status " + bash.exitValue() + ": "
                    + errors.strip() + "\nit printed: " + Files.readString(work.resolve("block-" + stoppedIn + ".out"))
                    + (ofBlock.isEmpty() ? "" : "\nits last request:\n" + ofBlock.get(ofBlock.size() - 1).trace()));
        }
        for (int i = 0; i < completed; i++) {
            Block block = running.get(i);
            int index = i;
            List<Call> ofBlock = made.stream().filter(call -> call.block() == index).toList();
            if (ofBlock.isEmpty()) {
                failures.add(block + " makes no request: if it is not an API example, list it in NOT_RUN with why");
                continue;
            }
            JsonNode shown = answerShownAfter(blocks, block);
            Integer problemStatus = shown != null && shown.has("type") && shown.path("status").isInt()
                    ? shown.get("status").intValue() : null;
            for (Call call : ofBlock) {
                boolean lastOfBlock = call == ofBlock.get(ofBlock.size() - 1);
                if (lastOfBlock && problemStatus != null) {
                    if (call.status() != problemStatus) {
                        failures.add(block + ": " + call.method() + " " + call.path() + " answered " + call.status()
                                + ", the page shows a problem with status " + problemStatus + "\n" + call.trace());
                    }
                } else if (!(call.status() / 100 == 2 || call.status() == 304 && call.conditional())) {
                    failures.add(block + ": " + call.method() + " " + call.path() + " answered " + call.status()
                            + "\n" + call.trace() + "\nthe block printed: "
                            + Files.readString(work.resolve("block-" + i + ".out")));
                }
                if (!RECORDING_PAGES.contains(page) && !reads(call)) {
                    failures.add(block + ": " + call.method() + " " + call.path() + " records something: the page "
                            + "must be in RECORDING_PAGES, so that it runs after those that read the demo data");
                }
            }
            if (shown != null) {
                String printed = Files.readString(work.resolve("block-" + i + ".out"));
                JsonNode answer = lastJsonValue(printed);
                if (answer == null) {
                    failures.add(block + " prints no JSON, the page shows one after it; it printed:\n" + printed);
                } else {
                    List<String> mismatches = new ArrayList<>();
                    match("$", shown, answer, mismatches);
                    compared.add(block.toString());
                    if (!mismatches.isEmpty()) {
                        failures.add(block + " answers other than the page shows:\n  "
                                + String.join("\n  ", mismatches) + "\nit printed:\n" + printed);
                    }
                }
            }
        }
        LOG.infof("%s: %d blocks run, %d requests, answers compared after %s; not run: %s", page, running.size(),
                made.size(), compared, notRun);
        assertThat(failures).as("the examples of %s", page).isEmpty();
    }

    @Test
    void every_block_of_the_pages_runs_or_says_why_not() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (String page : pages().toList()) {
            blocks.addAll(blocks(page));
        }
        Set<String> keys = blocks.stream().map(Block::key).collect(Collectors.toSet());
        assertThat(NOT_RUN.keySet()).as("NOT_RUN names blocks that exist (page and first line)")
                .allSatisfy(key -> assertThat(keys).contains(key));
        assertThat(blocks.stream().filter(block -> !block.shell() && !answersABlock(block)
                && !NOT_RUN_KINDS.containsKey(block.language())).map(block -> block + " ```" + block.language()))
                .as("blocks of a language NOT_RUN_KINDS does not name").isEmpty();
        assertThat(blocks.stream().filter(Block::runs)).as("examples that run").hasSizeGreaterThanOrEqualTo(10);
    }

    /** The fenced blocks of a page, in order. */
    static List<Block> blocks(String page) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(page), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        boolean lastWasShell = false;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) {
                if (!lines.get(i).isBlank()) {
                    lastWasShell = false;
                }
                continue;
            }
            String language = lines.get(i).substring(3).strip().split("\\s+")[0];
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(page, start + 1, language, text.toString(), lastWasShell));
            lastWasShell = SHELL.contains(language);
        }
        return blocks;
    }

    /** A JSON block right after a shell block is the answer it shows. */
    private static boolean answersABlock(Block block) {
        return block.language().equals("json") && block.followsShellBlock();
    }

    private static JsonNode answerShownAfter(List<Block> blocks, Block block) throws IOException {
        int next = blocks.indexOf(block) + 1;
        if (next < blocks.size() && answersABlock(blocks.get(next))) {
            return JSON.readTree(blocks.get(next).text());
        }
        return null;
    }

    private String script(List<Block> running, Path calls) {
        String address = "localhost:" + service.getPort();
        StringBuilder script = new StringBuilder("""
                set -euo pipefail
                for tool in curl jq; do
                  command -v "$tool" > /dev/null || { echo "$tool is not on the PATH" >&2; exit %d; }
                done
                DOCS_CALLS='%s'
                DOCS_BLOCK=0
                curl() {
                  local n
                  n=$(( $(cat "$DOCS_CALLS/count") + 1 ))
                  echo "$n" > "$DOCS_CALLS/count"
                  echo "$DOCS_BLOCK" > "$DOCS_CALLS/$n.block"
                  command curl -v "$@" 2> "$DOCS_CALLS/$n.trace"
                }
                """.formatted(TOOLS_MISSING, calls));
        for (int i = 0; i < running.size(); i++) {
            script.append("DOCS_BLOCK=").append(i).append('\n')
                    .append("echo ").append(i).append(" > \"$DOCS_CALLS/block\"\n").append("{\n")
                    .append(running.get(i).text().replace("localhost:8080", address))
                    .append("} > block-").append(i).append(".out\n");
        }
        return script.toString();
    }

    private static final Pattern REQUEST = Pattern.compile("^> ([A-Z]+) (\\S+) HTTP", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^< HTTP/[0-9.]+ (\\d{3})", Pattern.MULTILINE);

    private static List<Call> calls(Path calls) throws IOException {
        int count = Integer.parseInt(Files.readString(calls.resolve("count")).strip());
        List<Call> made = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String trace = Files.readString(calls.resolve(n + ".trace"));
            Matcher request = REQUEST.matcher(trace);
            Matcher status = STATUS.matcher(trace);
            int answered = 0;
            while (status.find()) {
                answered = Integer.parseInt(status.group(1));
            }
            boolean sent = request.find();
            made.add(new Call(Integer.parseInt(Files.readString(calls.resolve(n + ".block")).strip()),
                    sent ? request.group(1) : "?", sent ? request.group(2) : "?", answered,
                    trace.lines().anyMatch(line -> line.toLowerCase().startsWith("> if-none-match:")), trace));
        }
        return made;
    }

    private static boolean reads(Call call) {
        return call.method().equals("GET") || call.method().equals("HEAD")
                || call.method().equals("POST") && call.path().equals("/dev/tokens");
    }

    private static JsonNode lastJsonValue(String printed) {
        JsonNode last = null;
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(printed)) {
            while (values.hasNext()) {
                last = values.next();
            }
        } catch (IOException | RuntimeException e) {
            return last;
        }
        return last;
    }

    /** Every member the page shows is in the answer with the same value; "…" stands for any value. */
    static void match(String path, JsonNode shown, JsonNode actual, List<String> mismatches) {
        if (actual == null || actual.isMissingNode()) {
            mismatches.add(path + " is absent; the page shows " + shown);
        } else if (shown.isTextual() && shown.textValue().equals(ELIDED)) {
            return;
        } else if (shown.isObject()) {
            if (!actual.isObject()) {
                mismatches.add(path + " is " + actual + "; the page shows an object");
                return;
            }
            for (Map.Entry<String, JsonNode> member : shown.properties()) {
                match(path + "." + member.getKey(), member.getValue(), actual.get(member.getKey()), mismatches);
            }
        } else if (shown.isArray()) {
            if (!actual.isArray() || actual.size() != shown.size()) {
                mismatches.add(path + " is " + actual + "; the page shows " + shown);
                return;
            }
            for (int i = 0; i < shown.size(); i++) {
                match(path + "[" + i + "]", shown.get(i), actual.get(i), mismatches);
            }
        } else if (shown.isNumber()) {
            if (!actual.isNumber() || shown.decimalValue().compareTo(actual.decimalValue()) != 0) {
                mismatches.add(path + " is " + actual + "; the page shows " + shown);
            }
        } else if (!shown.equals(actual)) {
            mismatches.add(path + " is " + actual + "; the page shows " + shown);
        }
    }
}
