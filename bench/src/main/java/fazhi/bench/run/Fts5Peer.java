package fazhi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SQLite FTS5 peer: one row per section (report id, phrase key of the section), trigram tokenizer. Phrases of
 * three or more characters are FTS5 phrase queries ({@code MATCH '"key"'}, answered from the trigram index); the
 * trigram index cannot answer shorter strings, so two-character phrases use {@code body LIKE '%key%'} on the same
 * table, which SQLite answers by scanning every row (said so in the results).
 */
final class Fts5Peer implements AutoCloseable {
    private final Connection connection;
    private PreparedStatement insert;
    private int pending;
    private final PreparedStatement match;
    private final PreparedStatement like;

    private final Path file;

    private Fts5Peer(Path file, Connection connection, boolean create) throws SQLException {
        this.file = file;
        this.connection = connection;
        if (create) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("CREATE VIRTUAL TABLE sections USING fts5(report UNINDEXED, body, tokenize='trigram')");
            }
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("INSERT INTO sections(report, body) VALUES (?, ?)");
        }
        match = connection.prepareStatement("SELECT DISTINCT report FROM sections WHERE sections MATCH ?");
        like = connection.prepareStatement("SELECT DISTINCT report FROM sections WHERE body LIKE ?");
    }

    /** A new, empty database at {@code file} (an old one is replaced). */
    static Fts5Peer create(Path file) throws IOException, SQLException {
        Files.deleteIfExists(file);
        Files.createDirectories(file.getParent());
        return new Fts5Peer(file, DriverManager.getConnection("jdbc:sqlite:" + file), true);
    }

    /** The database file. */
    Path file() {
        return file;
    }

    void add(String reportId, List<String> sectionKeys) throws SQLException {
        for (String key : sectionKeys) {
            insert.setString(1, reportId);
            insert.setString(2, key);
            insert.addBatch();
            pending++;
        }
        if (pending >= 2_000) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    /** Commits the last rows and merges the index segments (FTS5 'optimize'), as a user preparing a database would. */
    void finish() throws SQLException {
        insert.executeBatch();
        connection.commit();
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO sections(sections) VALUES('optimize')");
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Whether a phrase key goes through the trigram index (≥ 3 characters) or a LIKE scan. */
    static boolean usesIndex(String key) {
        return key.codePointCount(0, key.length()) >= 3;
    }

    /** Report ids having a section whose key contains {@code key} (a phrase key: letters and digits only). */
    Set<String> reports(String key) throws SQLException {
        PreparedStatement statement;
        if (usesIndex(key)) {
            statement = match;
            statement.setString(1, "\"" + key.replace("\"", "\"\"") + "\"");
        } else {
            statement = like;
            statement.setString(1, "%" + key + "%");
        }
        Set<String> ids = new TreeSet<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
