package ablation.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchTokenizerCommandTest {

    @Test
    void printsOneJsonObjectWithTheFigures() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Workbench.commandLine().execute("bench", "tokenizer", "--mb", "0.3", "--vocab", "600", "--json");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        String out = captured.toString(StandardCharsets.UTF_8).trim();
        assertEquals(1, out.lines().count(), out);
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals(600, json.path("vocab_size").asInt());
        assertEquals(0.3, json.path("train_mb").asDouble(), 0.01);
        for (String key : new String[] {"train_s", "encode_mb_per_s", "encode_mb_per_s_all_cores", "bytes_per_token"}) {
            assertTrue(json.path(key).asDouble() > 0, key + " in " + out);
        }
    }

    @Test
    void aVocabularyTooSmallForTheAddedTokensIsAUsageError() {
        StringWriter err = new StringWriter();
        var cli = Workbench.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(Workbench.EXIT_USAGE, cli.execute("bench", "tokenizer", "--mb", "0.1", "--vocab", "300"));
        assertTrue(err.toString().contains("vocab_size 300"), err.toString());
    }
}
