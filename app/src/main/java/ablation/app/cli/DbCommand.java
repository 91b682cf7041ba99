package ablation.app.cli;

import picocli.CommandLine.Command;

/** {@code workbench db ...}: serve the tracking store, move studies in and out of it. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Tracking store: serve it, export or import a study, write CSV tables.",
        subcommands = {DbServeCommand.class, DbExportCommand.class, DbImportCommand.class, DbCsvCommand.class})
public final class DbCommand {}
