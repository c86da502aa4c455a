// kgforge test harness: a real Neo4j 5.26 Community server (HTTP + Bolt) for consumer tests.
// Test-only, never shipped. Neo4j Community Edition is GPLv3; see docs/notice/java.txt.
//
// Usage:
//   java -jar kgforge-neo4j-launcher.jar serve --home DIR --info FILE.env
//        [--http-port N] [--bolt-port N] [--pagecache 64m]
//     Sets the initial password of user "neo4j" from $NEO4J_PASSWORD (default kgforge-test,
//     at least 8 characters) when DIR has no system database yet, starts the server on
//     127.0.0.1 (ports default to 0 = let the OS pick), then writes FILE.env (KEY=value lines)
//     and FILE.json with the same fields (replacing a trailing .env), and blocks until
//     SIGTERM/SIGINT.
//   java -jar kgforge-neo4j-launcher.jar admin --home DIR ARGS...
//     Runs neo4j-admin (org.neo4j.cli.AdminTool) against DIR, e.g.
//       admin --home DIR database import full --nodes=a.csv --relationships=r.csv neo4j
//   java -jar kgforge-neo4j-launcher.jar import --home DIR ARGS...
//     Shorthand for: admin --home DIR database import full ARGS...
package kgforge.neo4jtest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.CommunityBootstrapper;

public final class Launcher {
    private static final String HOST = "127.0.0.1";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println("usage: serve --home DIR --info FILE.env [--http-port N] [--bolt-port N]"
                    + " [--pagecache SIZE] | admin --home DIR ARGS... | import --home DIR ARGS...");
            System.exit(args.length == 0 ? 2 : 0);
        }
        String mode = args[0];
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        switch (mode) {
            case "serve" -> serve(rest);
            case "admin" -> System.exit(admin(takeHome(rest), rest));
            case "import" -> {
                Path home = takeHome(rest);
                List<String> a = new ArrayList<>(List.of("database", "import", "full"));
                a.addAll(rest);
                System.exit(admin(home, a));
            }
            default -> {
                System.err.println("unknown mode: " + mode);
                System.exit(2);
            }
        }
    }

    private static Path takeHome(List<String> rest) throws IOException {
        String home = option(rest, "--home", null);
        if (home == null) {
            throw new IllegalArgumentException("--home DIR is required");
        }
        Path p = Path.of(home).toAbsolutePath();
        prepareHome(p);
        return p;
    }

    /** Removes "--name value" from args and returns value (or def). */
    private static String option(List<String> args, String name, String def) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) {
                String v = args.get(i + 1);
                args.remove(i + 1);
                args.remove(i);
                return v;
            }
            if (a.startsWith(name + "=")) {
                args.remove(i);
                return a.substring(name.length() + 1);
            }
        }
        return def;
    }

    private static void prepareHome(Path home) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("import"));
        Files.createDirectories(home.resolve("plugins"));
        Path conf = home.resolve("conf/neo4j.conf");
        if (!Files.exists(conf)) {
            // Shared by the admin tool and the server so both see the same directories.
            Files.writeString(conf, String.join("\n",
                    "# written by kgforge-neo4j-launcher; the launcher passes the server settings",
                    "# (listen addresses, auth, page cache) as overrides when it starts the server.",
                    "dbms.usage_report.enabled=false",
                    ""), StandardCharsets.UTF_8);
        }
    }

    private static int admin(Path home, List<String> args) {
        ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"));
        return AdminTool.execute(ctx, args.toArray(new String[0]));
    }

    private static String neo4jVersion() {
        try (InputStream in = Launcher.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("neo4j.version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void serve(List<String> args) throws Exception {
        long t0 = System.nanoTime();
        Path home = takeHome(args);
        String info = option(args, "--info", null);
        int httpPort = freePortIfZero(Integer.parseInt(option(args, "--http-port", "0")));
        int boltPort = freePortIfZero(Integer.parseInt(option(args, "--bolt-port", "0")));
        String pagecache = option(args, "--pagecache", "64m");
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments: " + args);
        }
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "kgforge-test");
        if (password.isEmpty()) {
            password = "kgforge-test";
        }

        // The initial password only takes effect while the system database does not exist yet.
        if (!Files.isDirectory(home.resolve("data/databases/system"))) {
            int rc = admin(home, List.of("dbms", "set-initial-password", password));
            if (rc != 0) {
                System.err.println("kgforge-neo4j-launcher: set-initial-password failed, exit " + rc);
                System.exit(rc);
            }
        }

        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("server.default_listen_address", HOST);
        cfg.put("server.default_advertised_address", HOST);
        cfg.put("server.http.enabled", "true");
        cfg.put("server.http.listen_address", HOST + ":" + httpPort);
        cfg.put("server.https.enabled", "false");
        cfg.put("server.bolt.enabled", "true");
        cfg.put("server.bolt.listen_address", HOST + ":" + boltPort);
        cfg.put("server.bolt.advertised_address", HOST + ":" + boltPort);
        cfg.put("server.http.advertised_address", HOST + ":" + httpPort);
        cfg.put("server.bolt.tls_level", "DISABLED");
        cfg.put("dbms.security.auth_enabled", "true");
        cfg.put("server.memory.pagecache.size", pagecache);
        cfg.put("server.directories.import", home.resolve("import").toString());
        // Bolt's netty shutdown waits a 5 s quiet period twice by default: stop takes ~12 s.
        cfg.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        cfg.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2");

        CommunityBootstrapper boot = new CommunityBootstrapper();
        int rc = boot.start(home, home.resolve("conf/neo4j.conf"), cfg, false, false);
        if (rc != 0) {
            System.err.println("kgforge-neo4j-launcher: Neo4j failed to start, exit " + rc);
            System.exit(rc);
        }
        DatabaseManagementService dbms = boot.getDatabaseManagementService();
        GraphDatabaseAPI sys = (GraphDatabaseAPI) dbms.database("system");
        ConnectorPortRegister ports = sys.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        HostnamePort http = ports.getLocalAddress(ConnectorType.HTTP);
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);

        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("NEO4J_HTTP_URL", "http://" + HOST + ":" + http.getPort());
        kv.put("NEO4J_TX_COMMIT_URL", "http://" + HOST + ":" + http.getPort() + "/db/neo4j/tx/commit");
        kv.put("NEO4J_BOLT_URL", "bolt://" + HOST + ":" + bolt.getPort());
        kv.put("NEO4J_HTTP_PORT", Integer.toString(http.getPort()));
        kv.put("NEO4J_BOLT_PORT", Integer.toString(bolt.getPort()));
        kv.put("NEO4J_USER", "neo4j");
        kv.put("NEO4J_PASSWORD", password);
        kv.put("NEO4J_DATABASE", "neo4j");
        kv.put("NEO4J_PID", Long.toString(ProcessHandle.current().pid()));
        kv.put("NEO4J_HOME_DIR", home.toString());
        kv.put("NEO4J_VERSION", neo4jVersion());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        kv.put("NEO4J_STARTUP_MS", Long.toString(ms));

        Path envFile = null;
        Path jsonFile = null;
        if (info != null) {
            envFile = Path.of(info).toAbsolutePath();
            String base = envFile.toString().endsWith(".env")
                    ? envFile.toString().substring(0, envFile.toString().length() - 4)
                    : envFile.toString();
            jsonFile = Path.of(base + ".json");
            StringBuilder env = new StringBuilder();
            StringBuilder json = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, String> e : kv.entrySet()) {
                env.append(e.getKey()).append('=').append(shellQuote(e.getValue())).append('\n');
                String key = e.getKey().substring("NEO4J_".length()).toLowerCase();
                json.append(first ? "" : ",").append("\n  \"").append(key).append("\": ");
                boolean numeric = key.endsWith("port") || key.equals("pid") || key.equals("startup_ms");
                json.append(numeric ? e.getValue() : jsonString(e.getValue()));
                first = false;
            }
            json.append("\n}\n");
            writeAtomically(jsonFile, json.toString());
            writeAtomically(envFile, env.toString()); // written last: its presence means ready
        }
        System.out.println("kgforge-neo4j-launcher: ready in " + ms + " ms: " + kv.get("NEO4J_HTTP_URL")
                + " " + kv.get("NEO4J_BOLT_URL"));
        System.out.flush();

        final Path envF = envFile;
        final Path jsonF = jsonFile;
        CountDownLatch done = new CountDownLatch(1);
        // NeoBootstrapper installs its own shutdown hook that stops the DBMS on SIGTERM/SIGINT;
        // this one only withdraws the connection info so nobody connects to a dying server.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (envF != null) {
                    Files.deleteIfExists(envF);
                }
                if (jsonF != null) {
                    Files.deleteIfExists(jsonF);
                }
            } catch (IOException ignored) {
                // best effort
            }
            done.countDown();
        }, "kgforge-neo4j-info-cleanup"));
        done.await();
    }

    /** Port 0 means "any free port": pick one now so the advertised addresses are right. */
    private static int freePortIfZero(int port) throws IOException {
        if (port != 0) {
            return port;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return s.getLocalPort();
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String shellQuote(String s) {
        if (s.matches("[A-Za-z0-9_./:@+=-]*")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
