package ablation.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvalModeTest {
    @Test
    void l2rStopsAtTheFirstTopLevelStatement() {
        String body = "    return x + 1\n";
        assertEquals(body, EvalMode.L2R.truncate(body + "\ndef other():\n    pass\n"));
        assertEquals(body, EvalMode.L2R.truncate(body + "\n# test\nprint(f(1))\n"));
        assertEquals(body, EvalMode.L2R.truncate(body + "\nif __name__ == '__main__':\n    main()\n"));
        assertEquals(
                body + "    # a comment inside stays\n",
                EvalMode.L2R.truncate(body + "    # a comment inside stays\n"));
        assertEquals(body, EvalMode.L2R.truncate(body));
    }

    @Test
    void infillStopsAtEndOfMiddle() {
        assertEquals("x + 1", EvalMode.INFILL.truncate("x + 1<eom>junk"));
        assertEquals("x + 1\ndef", EvalMode.INFILL.truncate("x + 1\ndef"));
    }

    @Test
    void infillLineAlsoStopsAfterTheFirstNewlineWhichItKeeps() {
        assertEquals("x + 1\n", EvalMode.INFILL_LINE.truncate("x + 1\n    return y\n"));
        assertEquals("x + 1", EvalMode.INFILL_LINE.truncate("x + 1<eom>\njunk"));
        assertEquals("x + 1", EvalMode.INFILL_LINE.truncate("x + 1"));
        assertEquals(EvalMode.INFILL_LINE, EvalMode.fromLabel("infill-line"));
        assertTrue(EvalMode.INFILL_LINE.isInfill() && EvalMode.INFILL.isInfill() && !EvalMode.L2R.isInfill());
    }
}
