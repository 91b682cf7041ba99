package ablation.engine.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyNormalizerTest {
    @Test
    void renamesVariablesButKeepsBuiltinsAttributesAndLiterals() {
        String a = "    kept = [x for x in nums if x > 3]\n    return sum(kept)\n";
        String b = "    big   = [v for v in data if v > 3]\n\n    return sum(big)";
        assertEquals(BodyNormalizer.normalize(a), BodyNormalizer.normalize(b));
        assertEquals("v0 = [ v1 for v1 in v2 if v1 > 3 ] return sum ( v0 )", BodyNormalizer.normalize(a));
        assertNotEquals(BodyNormalizer.normalize(a), BodyNormalizer.normalize(a.replace("3", "4")));
        assertNotEquals(BodyNormalizer.normalize("return s.upper()"), BodyNormalizer.normalize("return s.lower()"));
        assertEquals("return v0 . count ( 'a b' )", BodyNormalizer.normalize("return text.count('a b')"));
    }

    @Test
    void extractsFunctionBodiesWithoutDocstrings() {
        String module =
                "def f(x):\n    \"\"\"One line.\"\"\"\n    return x\n\n\ndef g(y):\n    \"\"\"Two\n    lines.\n    >>> g(1)\n    2\n    \"\"\"\n"
                        + "    z = y + 1\n    return z\n";
        assertEquals(List.of("return x", "z = y + 1\n    return z"), BodyNormalizer.functionBodies(module));
    }

    @Test
    void fragmentIdsAreUniqueAndGeneratedNamesAvoidPythonNames() {
        assertEquals(
                Fragments.ALL.size(),
                Fragments.ALL.stream().map(Fragment::id).distinct().count());
        for (Fragment f : Fragments.ALL) {
            for (String name : f.resultNames())
                assertEquals(false, PythonNames.RESERVED.contains(name), f.id() + ": " + name);
            if (f.constant() != null) {
                for (String name : f.constant().paramNames())
                    assertEquals(false, PythonNames.RESERVED.contains(name), name);
            }
        }
    }
}
