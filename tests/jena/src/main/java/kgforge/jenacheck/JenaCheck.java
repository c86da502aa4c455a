package kgforge.jenacheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Apache Jena over kgforge's RDF exports (test-only; scripts/jena-check runs it).
 *
 * <pre>
 *   parse FILE...                 strict RIOT parse (a warning fails too); prints quads per file
 *   shacl SHAPES.ttl FILE...      validates the merge of all files (named graphs included)
 *   sparql FILE... -- QUERY.rq... loads the files into one in-memory dataset and runs each
 *                                 query; prints a JSON array of SPARQL 1.1 JSON results
 * </pre>
 *
 * Exit 0: parsed / conforms; 1: does not conform (the report is printed); 2: usage error or
 * a file does not parse (the message names the file, line and column).
 */
public final class JenaCheck {
    private JenaCheck() {}

    /**
     * RIOT's default handler only logs warnings (a bad IRI, an ill-typed literal); when
     * parsing to prove a file is valid, every one is an error.
     */
    private static final class Strict implements ErrorHandler {
        private final String file;
        private final boolean warningsFail;

        Strict(String file, boolean warningsFail) {
            this.file = file;
            this.warningsFail = warningsFail;
        }

        private RiotException fail(String kind, String message, long line, long col) {
            return new RiotException(file + ":" + line + ":" + col + ": " + kind + ": " + message);
        }

        @Override
        public void warning(String message, long line, long col) {
            if (warningsFail) throw fail("warning", message, line, col);
            // SHACL reports an ill-typed literal itself (sh:datatype); keep it in the data.
            System.err.println("jena-check: " + file + ":" + line + ":" + col + ": warning: " + message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw fail("error", message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw fail("fatal", message, line, col);
        }
    }

    private static DatasetGraph load(List<String> files, boolean warningsFail) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (String file : files) {
            RDFParser.source(file).errorHandler(new Strict(file, warningsFail)).parse(dsg);
        }
        return dsg;
    }

    /** Default graph and every named graph as one graph (what the shapes describe). */
    private static Graph merged(DatasetGraph dsg) {
        Graph graph = GraphFactory.createDefaultGraph();
        Iterator<Quad> quads = dsg.find();
        while (quads.hasNext()) {
            graph.add(quads.next().asTriple());
        }
        return graph;
    }

    private static int parse(List<String> files) {
        for (String file : files) {
            DatasetGraph dsg = load(List.of(file), true);
            long quads = 0;
            for (Iterator<Quad> it = dsg.find(); it.hasNext(); it.next()) {
                quads++;
            }
            long graphs = 0;
            for (Iterator<?> it = dsg.listGraphNodes(); it.hasNext(); it.next()) {
                graphs++;
            }
            System.out.println("{\"file\": \"" + file.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\", \"quads\": " + quads + ", \"named_graphs\": " + graphs + "}");
        }
        return 0;
    }

    private static int shacl(String shapesFile, List<String> files) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile));
        Graph data = merged(load(files, false));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        if (report.conforms()) {
            System.out.println("jena-check: conforms: " + data.size() + " triples, "
                + shapes.numRootShapes() + " shapes");
            return 0;
        }
        System.out.println(
            "jena-check: does not conform: " + report.getEntries().size() + " violation(s)");
        ShLib.printReport(System.out, report);
        // The same report as RDF, for programs (tests/linked_data/check_shacl.py reads it).
        System.out.println("# SHACL validation report (Turtle)");
        RDFDataMgr.write(System.out, report.getModel(), Lang.TURTLE);
        return 1;
    }

    private static int sparql(List<String> files, List<String> queries) throws IOException {
        DatasetGraph dsg = load(files, true);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < queries.size(); i++) {
            String text = Files.readString(Path.of(queries.get(i)), StandardCharsets.UTF_8);
            Query query = QueryFactory.create(text);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            try (
                QueryExecution qe = QueryExecutionFactory.create(query, DatasetFactory.wrap(dsg))) {
                if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(json, qe.execAsk());
                } else {
                    ResultSetFormatter.outputAsJSON(json, qe.execSelect());
                }
            }
            if (i > 0)
                out.append(",\n");
            out.append(json.toString(StandardCharsets.UTF_8));
        }
        System.out.println(out.append("]"));
        return 0;
    }

    private static int usage() {
        System.err.println("usage: jena-check parse FILE... | shacl SHAPES FILE... | "
            + "sparql FILE... -- QUERY.rq...");
        return 2;
    }

    public static void main(String[] args) {
        int code;
        try {
            List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
            String command = args.length > 0 ? args[0] : "";
            switch (command) {
                case "parse":
                    code = rest.isEmpty() ? usage() : parse(rest);
                    break;
                case "shacl":
                    code = rest.size() < 2 ? usage()
                                           : shacl(rest.get(0), rest.subList(1, rest.size()));
                    break;
                case "sparql": {
                    int split = rest.indexOf("--");
                    code = split < 1 || split == rest.size() - 1
                        ? usage()
                        : sparql(rest.subList(0, split), rest.subList(split + 1, rest.size()));
                    break;
                }
                default:
                    code = usage();
            }
        } catch (RiotException e) {
            System.err.println("jena-check: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("jena-check: " + e);
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }
}
