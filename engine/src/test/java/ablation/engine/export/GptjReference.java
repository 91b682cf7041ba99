package ablation.engine.export;

import ablation.engine.model.Safetensors;
import java.util.Map;

/**
 * An independent GPT-J forward pass over exported tensors, written line by line after Hugging
 * Face's {@code modeling_gptj.py} (create_sinusoidal_positions, rotate_every_two,
 * apply_rotary_pos_emb, GPTJAttention, GPTJMLP with gelu_new, GPTJBlock), in doubles: what
 * {@code transformers} would compute from the exported files.
 */
final class GptjReference {
    private final Map<String, Safetensors.Tensor> w;
    private final int d;
    private final int heads;
    private final int rotaryDim;
    private final double eps;

    GptjReference(Map<String, Safetensors.Tensor> tensors, int heads, int rotaryDim, double eps) {
        this.w = tensors;
        this.d = (int) tensors.get("transformer.wte.weight").shape()[1];
        this.heads = heads;
        this.rotaryDim = rotaryDim;
        this.eps = eps;
    }

    /** Logits (T, V) of one sequence. */
    double[][] logits(int[] ids) {
        int t = ids.length;
        double[][] h = new double[t][];
        float[] wte = w.get("transformer.wte.weight").values();
        for (int i = 0; i < t; i++) h[i] = row(wte, ids[i], d);
        for (int layer = 0; w.containsKey("transformer.h." + layer + ".ln_1.weight"); layer++) {
            String p = "transformer.h." + layer + ".";
            double[][] x = layerNorm(h, p + "ln_1");
            double[][] attention = attention(x, p + "attn.");
            double[][] mlp = linear(
                    geluNew(linear(x, p + "mlp.fc_in.weight", p + "mlp.fc_in.bias")),
                    p + "mlp.fc_out.weight",
                    p + "mlp.fc_out.bias");
            for (int i = 0; i < t; i++) for (int j = 0; j < d; j++) h[i][j] = attention[i][j] + mlp[i][j] + h[i][j];
        }
        return linear(layerNorm(h, "transformer.ln_f"), "lm_head.weight", "lm_head.bias");
    }

    private double[][] attention(double[][] x, String p) {
        int t = x.length;
        int hd = d / heads;
        double[][] q = linear(x, p + "q_proj.weight", null);
        double[][] k = linear(x, p + "k_proj.weight", null);
        double[][] v = linear(x, p + "v_proj.weight", null);
        for (int pos = 0; pos < t; pos++) {
            for (int head = 0; head < heads; head++) {
                rotary(q[pos], head * hd, pos);
                rotary(k[pos], head * hd, pos);
            }
        }
        double[][] out = new double[t][d];
        for (int head = 0; head < heads; head++) {
            for (int i = 0; i < t; i++) {
                double[] scores = new double[i + 1]; // causal: keys 0..i
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int c = 0; c < hd; c++) dot += q[i][head * hd + c] * k[j][head * hd + c];
                    scores[j] = dot / Math.sqrt(hd);
                    max = Math.max(max, scores[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) sum += scores[j] = Math.exp(scores[j] - max);
                for (int j = 0; j <= i; j++) {
                    for (int c = 0; c < hd; c++) out[i][head * hd + c] += scores[j] / sum * v[j][head * hd + c];
                }
            }
        }
        return linear(out, p + "out_proj.weight", null);
    }

    /** apply_rotary_pos_emb on x[offset .. offset+rotary_dim): x·cos + rotate_every_two(x)·sin, sin/cos repeat_interleaved. */
    private void rotary(double[] x, int offset, int position) {
        double[] original = java.util.Arrays.copyOfRange(x, offset, offset + rotaryDim);
        for (int c = 0; c < rotaryDim; c++) {
            int i = c / 2;
            float invFreq = (float) (1.0 / Math.pow(10000, (double) (2 * i) / rotaryDim));
            double angle = (float) position * invFreq;
            double rotated = c % 2 == 0 ? -original[c + 1] : original[c - 1]; // stack((-x2, x1)).flatten
            x[offset + c] = original[c] * Math.cos(angle) + rotated * Math.sin(angle);
        }
    }

    private double[][] geluNew(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                double a = x[i][j];
                out[i][j] = 0.5 * a * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (a + 0.044715 * a * a * a)));
            }
        }
        return out;
    }

    private double[][] layerNorm(double[][] x, String name) {
        float[] gamma = w.get(name + ".weight").values();
        float[] beta = w.get(name + ".bias").values();
        double[][] out = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            for (double value : x[i]) mean += value / d;
            double variance = 0;
            for (double value : x[i]) variance += (value - mean) * (value - mean) / d;
            for (int j = 0; j < d; j++) out[i][j] = (x[i][j] - mean) / Math.sqrt(variance + eps) * gamma[j] + beta[j];
        }
        return out;
    }

    /** torch.nn.Linear: x · Wᵀ + b with W (out, in). */
    private double[][] linear(double[][] x, String weight, String bias) {
        Safetensors.Tensor tensor = w.get(weight);
        int outputs = (int) tensor.shape()[0];
        int inputs = (int) tensor.shape()[1];
        float[] b = bias == null ? null : w.get(bias).values();
        double[][] out = new double[x.length][outputs];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < outputs; o++) {
                double sum = b == null ? 0 : b[o];
                for (int c = 0; c < inputs; c++) sum += x[i][c] * tensor.values()[o * inputs + c];
                out[i][o] = sum;
            }
        }
        return out;
    }

    private static double[] row(float[] matrix, int row, int width) {
        double[] out = new double[width];
        for (int j = 0; j < width; j++) out[j] = matrix[row * width + j];
        return out;
    }
}
