package dev.lookout.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code Path} option or parameter that a command writes. Before any command runs, {@link CommandPaths}
 * checks every such path against every path the command reads (all other {@code Path} options and parameters, and
 * what the command adds in {@link CliCommand#inputs()}), so that no output option can be pointed at an input and
 * none at a device; a new output option only needs this annotation to be checked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Writes {

    /** Whether the option names a file or a folder. */
    dev.lookout.OutputPaths.Kind value() default dev.lookout.OutputPaths.Kind.FILE;
}
