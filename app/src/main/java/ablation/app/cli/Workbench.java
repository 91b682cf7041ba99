package ablation.app.cli;

import ablation.core.WorkbenchException;
import ablation.engine.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code workbench} command line: one subcommand class per verb (docs/ARCHITECTURE.md, Command line). */
@Command(
        name = "workbench",
        mixinStandardHelpOptions = true,
        version = "Ablation Workbench " + Versions.APP,
        description = "Compose, run, track and report ablations of code language models (CodeGen2 lessons).",
        subcommands = {
            CommandLine.HelpCommand.class,
            StudyCommand.class,
            TrainCommand.class,
            BenchCommand.class,
            DataCommand.class,
            ExportCommand.class,
            EvalLossCommand.class,
            ScoreCommand.class,
            GuiCommand.class,
            EvalCommand.class,
            DbCommand.class,
            ReportCommand.class,
            RunsCommand.class
        })
public final class Workbench {

    /** Exit code for bad input: a config, flag or file the user can fix. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Workbench());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof WorkbenchException) { // StoreException and ConfigException included
                commandLine.getErr().println("error: " + ex.getMessage());
                return EXIT_USAGE;
            }
            throw ex;
        });
        return cli;
    }
}
