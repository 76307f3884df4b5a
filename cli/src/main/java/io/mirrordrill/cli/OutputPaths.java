package io.mirrordrill.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes (--report, --json, --junit, --out), checked before anything runs, so a run's results are
 * never lost to a path that could not take them. A check that the file system could answer wrongly (root may
 * "write" to /proc) is made by trying: a file is opened for appending (and removed again when it did not exist), a
 * directory is created.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** A file the command (over)writes at the end, such as --json FILE. */
    static Path file(String option, Path file, String example) {
        named(option, file, example);
        if (Files.isDirectory(file)) {
            throw BadInput.of(option, file + " is a directory", "give a file path, e.g. " + option + " "
                    + file.resolve(example));
        }
        parentDirectory(option, file, example);
        boolean existed = Files.exists(file);
        try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            probe.flush();
        } catch (IOException | UnsupportedOperationException e) {
            throw BadInput.of(option, "cannot write " + file + " (" + reason(e) + ")", "give a file in a directory"
                    + " you may write to, e.g. " + option + " " + example);
        } finally {
            if (!existed) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // it was never more than an empty probe
                }
            }
        }
        return file;
    }

    /** A directory the command writes into, created now (it may exist already): --report DIR, --out DIR. */
    static Path directory(String option, Path dir, String example) {
        named(option, dir, example);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw BadInput.of(option, dir + " exists and is not a directory", "give a directory, new or existing,"
                    + " e.g. " + option + " " + example);
        }
        parentDirectory(option, dir, example);
        try {
            Files.createDirectories(dir);
        } catch (IOException | UnsupportedOperationException e) {
            throw BadInput.of(option, "cannot create the directory " + dir + " (" + reason(e) + ")", "give a"
                    + " directory you may write to, e.g. " + option + " " + example);
        }
        if (!Files.isWritable(dir)) {
            throw BadInput.of(option, "cannot write into " + dir, "give a directory you may write to, e.g. "
                    + option + " " + example);
        }
        return dir;
    }

    /** A short reason from an I/O error, without the Java class name. */
    static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void named(String option, Path path, String example) {
        if (path.toString().isBlank()) {
            throw BadInput.of(option, "the path is empty", "give a path, e.g. " + option + " " + example);
        }
    }

    private static void parentDirectory(String option, Path path, String example) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw BadInput.of(option, "the directory " + parent + (Files.exists(parent) ? " is not a directory"
                    : " does not exist"), "create it first, or give a path in an existing directory, e.g. " + option
                    + " " + example);
        }
    }
}
