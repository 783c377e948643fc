package io.inventorysync.connector;

import java.nio.file.Path;

/** A connector file that cannot be used, with the file and what is wrong: fails start-up loudly. */
public class ConnectorConfigException extends RuntimeException {

    public ConnectorConfigException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ConnectorConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
