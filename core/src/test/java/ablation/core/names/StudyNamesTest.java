package ablation.core.names;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StudyNamesTest {
    @Test
    void plainNamesPass() {
        for (String name :
                List.of("lesson1", "five-lessons_quick", "v1.2", "a", "_x", "A".repeat(StudyNames.MAX_LENGTH))) {
            assertTrue(StudyNames.isSafe(name), name);
        }
    }

    @Test
    void namesThatLeaveTheirFolderOrHideAreRefused() {
        for (String name : List.of(
                "../../x",
                "..",
                ".",
                ".hidden",
                "a/b",
                "a\\b",
                "/etc",
                "~",
                "-rf",
                "x y",
                "a\u0000b",
                "",
                "é",
                "A".repeat(StudyNames.MAX_LENGTH + 1))) {
            assertFalse(StudyNames.isSafe(name), name);
        }
        assertFalse(StudyNames.isSafe(null));
        assertTrue(StudyNames.problem("../x").orElseThrow().contains("not starting with '.'"));
    }
}
