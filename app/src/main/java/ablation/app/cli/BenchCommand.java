package ablation.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code workbench bench ...}: speed and memory figures, each measured in one process and printed as
 * one JSON object (ratios against a rate measured on the spot, so machines compare).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed: train, data, sample, exec, store, gui, tokenizer (prints JSON).",
        subcommands = {
            BenchTrainCommand.class,
            BenchDataCommand.class,
            BenchTokenizerCommand.class,
            BenchExecCommand.class,
            BenchSampleCommand.class,
            BenchStoreCommand.class,
            BenchGuiCommand.class
        })
public final class BenchCommand {}
