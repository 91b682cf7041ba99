package ablation.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench runs ...}: list, inspect, compare, cancel and retry the runs in the tracking store. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "List, inspect, compare, cancel or retry runs in the tracking store.",
        subcommands = {
            RunsListCommand.class,
            RunsShowCommand.class,
            RunsCompareCommand.class,
            RunsCancelCommand.class,
            RunsRetryCommand.class
        })
public final class RunsCommand {}
