package ablation.engine.train;

import ablation.core.WorkbenchException;
import ablation.core.config.ConfigLoader;
import ablation.core.config.RunConfig;
import ablation.engine.model.CodeGenModel;
import ablation.engine.model.Safetensors;
import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link Checkpoint} atomically: every file goes to a hidden temporary directory and is
 * fsynced, the manifest (sizes and SHA-256) is written last, and only then is the directory
 * renamed to {@code step-N}. A crash at any point leaves either no {@code step-N} or a complete one.
 */
final class CheckpointWriter {
    private CheckpointWriter() {}

    static Path write(
            Path runDir,
            Checkpoint.State state,
            RunConfig config,
            CodeGenModel model,
            AdamW optimizer,
            Path tokenizerJson) {
        Path target = Checkpoint.directoryFor(runDir, state.step());
        Path temporary = target.resolveSibling(
                ".step-" + state.step() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(target.getParent());
            deleteRecursively(temporary);
            Files.createDirectories(temporary);
            Safetensors.write(temporary.resolve(Checkpoint.MODEL), model.snapshot(), Map.of("format", "pt"));
            Safetensors.write(
                    temporary.resolve(Checkpoint.OPTIMIZER),
                    hostCopy(optimizer.state()),
                    Map.of("step", String.valueOf(optimizer.step())));
            writeSynced(
                    temporary.resolve(Checkpoint.STATE),
                    Checkpoint.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
            writeSynced(temporary.resolve(Checkpoint.CONFIG), ConfigLoader.toJson(config));
            if (tokenizerJson != null) {
                Files.copy(tokenizerJson, temporary.resolve(Checkpoint.TOKENIZER));
                sync(temporary.resolve(Checkpoint.TOKENIZER), false);
            }
            writeManifest(temporary, state.step());
            sync(temporary, true);
            if (Files.exists(target)) deleteRecursively(target); // the same step written again (e.g. a re-run end)
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            sync(target.getParent(), true);
            return target;
        } catch (IOException e) {
            throw new WorkbenchException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Safetensors.Tensor> hostCopy(Map<String, NDArray> tensors) {
        Map<String, Safetensors.Tensor> copy = new LinkedHashMap<>();
        tensors.forEach((name, tensor) ->
                copy.put(name, new Safetensors.Tensor(tensor.getShape().getShape(), tensor.toFloatArray())));
        return copy;
    }

    private static void writeManifest(Path directory, long step) throws IOException {
        ObjectNode manifest = Checkpoint.JSON.createObjectNode();
        manifest.put("format", 1).put("step", step);
        ObjectNode files = manifest.putObject("files");
        List<Path> contents;
        try (Stream<Path> list = Files.list(directory)) {
            contents = list.sorted().toList();
        }
        for (Path file : contents) {
            files.putObject(file.getFileName().toString())
                    .put("bytes", Files.size(file))
                    .put("sha256", Checkpoint.sha256(file));
        }
        writeSynced(
                directory.resolve(Checkpoint.MANIFEST),
                Checkpoint.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
    }

    private static void writeSynced(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        sync(file, false);
    }

    private static void sync(Path path, boolean directory) throws IOException {
        try (FileChannel channel =
                FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(each);
        }
    }
}
