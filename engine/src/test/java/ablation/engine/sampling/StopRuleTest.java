package ablation.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ablation.core.config.EvalMode;
import ablation.engine.tokenizer.ByteTokenizer;
import ablation.engine.tokenizer.Tokenizer;
import org.junit.jupiter.api.Test;

class StopRuleTest {
    @Test
    void theStopRuleOfInfillLineCutsAfterTheNewlineAndL2rBeforeItsSequences() {
        Tokenizer tokenizer = new ByteTokenizer(4);
        StopRule line = StopRule.of(EvalMode.INFILL_LINE, tokenizer);
        assertEquals(6, line.cut("x + 1\n    return"));
        assertEquals(-1, line.cut("x + 1"));
        assertEquals(-1, StopRule.of(EvalMode.INFILL, tokenizer).cut("x + 1\n    return"));
        assertEquals(6, StopRule.of(EvalMode.L2R, tokenizer).cut("    y\n\ndef g():"));
    }
}
