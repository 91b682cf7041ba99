package ablation.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench data ...}: generate the desk suite, preview what an objective makes of a file. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Generate the desk-scale suite or preview training examples.",
        subcommands = {DataGenerateCommand.class, DataPreviewCommand.class})
public final class DataCommand {}
