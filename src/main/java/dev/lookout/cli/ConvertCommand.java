package dev.lookout.cli;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfjsConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lookout convert MODEL_DIR_OR_model.json OUT.onnx}: TF.js graph model to ONNX. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = {"Convert a TensorFlow.js graph model (model.json + weight shards) to ONNX.",
            "Opset 17; unknown input dims stay dynamic (the batch is fixed at 1 only for a TF1 TensorArray loop over it)."
                    + " The output file appears only if the "
                    + "conversion succeeds."})
final class ConvertCommand extends CliCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "the TF.js model: its folder or its model.json")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.onnx", description = "the ONNX file to write")
    @Writes
    Path output;

    @Option(names = "--quiet", description = "do not report the written file")
    boolean quiet;

    /** model.json and its weight shards, which lie in MODEL's folder. */
    @Override
    List<CommandPaths.Named> inputs() throws UsageException {
        return modelFolderFiles("MODEL", input);
    }

    @Override
    int run() throws Exception {
        long start = System.nanoTime();
        try {
            TfjsConverter.convert(input, output);
        } catch (ConversionException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        if (!quiet) {
            err.printf("wrote %s (%,d bytes) in %.1f s%n", output, Files.size(output),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
