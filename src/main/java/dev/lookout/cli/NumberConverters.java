package dev.lookout.cli;

import java.math.BigDecimal;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options that say what is wrong: {@code 'abc' is not a whole number} or {@code '99999999999' is too large
 * (at most 2147483647)}, instead of calling a huge number "not a whole number".
 */
final class NumberConverters {

    private NumberConverters() {
    }

    /** Registers the converters for {@code int} and {@code double} options of {@code commandLine}. */
    static void register(CommandLine commandLine) {
        ITypeConverter<Integer> whole = NumberConverters::wholeNumber;
        ITypeConverter<Double> real = NumberConverters::number;
        commandLine.registerConverter(Integer.class, whole);
        commandLine.registerConverter(Integer.TYPE, whole);
        ITypeConverter<Long> wholeLong = text -> whole(text, Long.MAX_VALUE).longValueExact();
        commandLine.registerConverter(Long.class, wholeLong);
        commandLine.registerConverter(Long.TYPE, wholeLong);
        commandLine.registerConverter(Double.class, real);
        commandLine.registerConverter(Double.TYPE, real);
    }

    static Integer wholeNumber(String text) {
        return whole(text, Integer.MAX_VALUE).intValueExact();
    }

    private static BigDecimal whole(String text, long max) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        if (value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new TypeConversionException("'" + text + "' is too large (at most " + max + ")");
        }
        if (value.compareTo(BigDecimal.valueOf(-max - 1)) < 0) {
            throw new TypeConversionException("'" + text + "' is too small");
        }
        return value;
    }

    static Double number(String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new TypeConversionException("'" + text + "' is not a finite number");
        }
        return value;
    }
}
