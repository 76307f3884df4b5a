package io.mirrordrill.emulator.element.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.mirrordrill.port.element.ElementErrors;
import io.mirrordrill.port.element.ElementException;

import java.util.ArrayList;
import java.util.List;

/** The {@code params} of one request, read with Element's refusals: absent required ones, wrong JSON types. */
record Params(JsonNode node) {
    static Params of(JsonNode params) {
        return new Params(params == null || params.isNull() ? NullNode.getInstance() : params);
    }

    Params object(String name) {
        JsonNode value = value(name);
        if (value != null && !value.isObject()) {
            throw type(name, "an object");
        }
        return of(value);
    }

    long requiredLong(String name) {
        Long value = optionalLong(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    Long optionalLong(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw type(name, "an integer");
        }
        return value.asLong();
    }

    /** An integer, also written as a string of digits: Element documents {@code hours} as a string in one place. */
    Integer optionalInt(String name) {
        JsonNode raw = value(name);
        Long value = raw != null && raw.isTextual() && raw.asText().matches("-?\\d{1,9}")
                ? Long.valueOf(raw.asText()) : optionalLong(name);
        if (value != null && (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE)) {
            throw type(name, "a 32-bit integer");
        }
        return value == null ? null : value.intValue();
    }

    String requiredString(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    String optionalString(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw type(name, "a string");
        }
        return value.asText();
    }

    Boolean optionalBoolean(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw type(name, "a boolean");
        }
        return value.asBoolean();
    }

    boolean requiredBoolean(String name) {
        Boolean value = optionalBoolean(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    List<Long> longs(String name) {
        JsonNode value = value(name);
        List<Long> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw type(name, "an array of integers");
        }
        for (JsonNode item : value) {
            if (!item.canConvertToExactIntegral() || !item.canConvertToLong()) {
                throw type(name, "an array of integers");
            }
            out.add(item.asLong());
        }
        return out;
    }

    List<String> strings(String name) {
        JsonNode value = value(name);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw type(name, "an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw type(name, "an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    private JsonNode value(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static ElementException missing(String name) {
        return new ElementException(ElementErrors.MISSING_PARAMETER, "Required parameter " + name + " is missing");
    }

    private static ElementException type(String name, String expected) {
        return new ElementException(ElementErrors.INVALID_PARAMETER_TYPE, "Parameter " + name + " must be "
                + expected);
    }
}
