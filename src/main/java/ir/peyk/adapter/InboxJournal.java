package ir.peyk.adapter;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A file beside the SQLite store where a lone row handed over straight is stored before it is handled, instead of
 * by an INSERT and its commit. The file is mapped into memory: an append is a copy into the page cache, which a killed
 * process does not undo (as SQLite's WAL at synchronous=NORMAL, the store's setting, is not undone either; an OS crash
 * or power cut may lose the last records, as it may the last commits). The rows move into the inbox table with the next
 * transaction of marks ({@link InboxWriter#absorb}), and the region is reused from its start once every row in it is
 * there; at the next start, what a crash left in it is inserted before anything is polled ({@link #recover}).
 *
 * <p>Why: on a quiet bot, the INSERT and commit of a lone update took 100–190 µs of its reply time on a two-core
 * virtual machine (SQLite's code runs cold between updates); a {@code write} to a file 10 µs at the median but
 * 130 µs in one of three (the file's modification time, written through the file system's journal); the copy into
 * the mapped file a few µs.
 *
 * <p>A record is its length, its CRC-32C and its fields (the row id first). A record is written back to front — the
 * end mark after it, its fields, then its length and CRC — so a crash mid-write leaves a record that fails its check,
 * or the end mark of the one before. Reading stops at the end mark, at a record that fails its check, or at one whose
 * id is not above the last (bytes of an earlier round through the region). The file is locked for the one process
 * that writes it.
 */
final class InboxJournal implements AutoCloseable {
    /** One stored row, as {@link InboxWriter} inserts it: pending, claimed by {@code owner}, its start counted. */
    record Entry(long id, String transport, String key, String orderingKey, String json, long receivedAt,
                 String owner, long claimedUntil) {}

    /** The mapped region: a record that does not fit in what is left goes into the table instead. */
    static final int REGION = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final MappedByteBuffer region;
    /** Appended and not yet in the inbox table, oldest first. */
    private final List<Entry> unabsorbed = new ArrayList<>();
    /** Where the next record goes. */
    private int end;
    /** Where each of {@link #unabsorbed} begins. */
    private final List<Integer> starts = new ArrayList<>();
    /** The record being appended, encoded (grown for a larger one). */
    private ByteBuffer scratch = ByteBuffer.allocate(4096);

    private InboxJournal(Path path, FileChannel channel, FileLock lock) throws IOException {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        if (channel.size() < REGION) {
            // Allocated now, not as a sparse file: the first write to each page would allocate its block then.
            ByteBuffer zeros = ByteBuffer.allocate(REGION - (int) channel.size());
            long at = channel.size();
            while (zeros.hasRemaining()) channel.write(zeros, at + zeros.position());
        }
        this.region = channel.map(FileChannel.MapMode.READ_WRITE, 0, REGION);
    }

    /**
     * Opens (creating) the journal at {@code path}, locked for this process; null when another holds it (then this
     * process stores every row in the table, as without a journal).
     */
    static InboxJournal open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new InboxJournal(path, channel, lock);
        } catch (OverlappingFileLockException e) { // this JVM holds it already (a second inbox on one store)
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** The rows a crash left in the file, oldest first. */
    synchronized List<Entry> recover() {
        return read(region.duplicate().clear());
    }

    /** The records in {@code data} up to the end mark, the first damaged record, or a record of an earlier round. */
    static List<Entry> read(ByteBuffer data) {
        List<Entry> out = new ArrayList<>();
        long lastId = Long.MIN_VALUE;
        while (data.remaining() >= 8) {
            int length = data.getInt();
            int crc = data.getInt();
            if (length <= 0 || length > data.remaining()) break;
            byte[] body = new byte[length];
            data.get(body);
            CRC32C check = new CRC32C();
            check.update(body);
            if ((int) check.getValue() != crc) break;
            Entry e;
            try {
                e = decode(body);
            } catch (IOException ex) {
                break;
            }
            if (e.id() <= lastId) break;
            lastId = e.id();
            out.add(e);
        }
        return out;
    }

    /**
     * Appends {@code e}: once this returns true the row is stored. False when it does not fit in the region (the
     * caller stores it in the table).
     */
    synchronized boolean append(Entry e) {
        ByteBuffer record = encode(e);
        int size = record.remaining();
        if (end + size + 4 > REGION) return false;
        region.putInt(end + size, 0); // the end mark after it first, then the record back to front
        VarHandle.storeStoreFence();
        region.put(end + 8, record, 8, size - 8);
        VarHandle.storeStoreFence();
        region.putInt(end + 4, record.getInt(4));
        VarHandle.storeStoreFence();
        region.putInt(end, record.getInt(0));
        starts.add(end);
        end += size;
        unabsorbed.add(e);
        return true;
    }

    /** Takes back {@code e}, the last record appended (its row could not be handed over after all). */
    synchronized void retract(Entry e) {
        if (unabsorbed.isEmpty() || !unabsorbed.get(unabsorbed.size() - 1).equals(e)) {
            throw new IllegalStateException("only the last record appended can be taken back");
        }
        unabsorbed.remove(unabsorbed.size() - 1);
        end = starts.remove(starts.size() - 1);
        region.putInt(end, 0);
    }

    /** The rows appended and not yet moved into the table, oldest first. */
    synchronized List<Entry> unabsorbed() {
        return List.copyOf(unabsorbed);
    }

    /** {@code rows} are committed to the table: forgotten, and the region reused when nothing else is in it. */
    synchronized void absorbed(List<Entry> rows) {
        unabsorbed.removeAll(rows);
        if (unabsorbed.isEmpty()) clear(); // else the region is reused once all are in: records stay where they are
    }

    /** Empties the journal: what a crash left in it is in the table now. */
    synchronized void clear() {
        unabsorbed.clear();
        starts.clear();
        region.putInt(0, 0);
        end = 0;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            channel.close(); // the mapping itself goes when it is collected; nothing writes to it any more
        }
    }

    /** {@code e} as a whole record (length, CRC, fields), ready to copy. */
    private ByteBuffer encode(Entry e) {
        byte[][] texts = {utf8(e.transport()), utf8(e.key()), utf8(e.orderingKey()), utf8(e.json()), utf8(e.owner())};
        int length = 3 * 8 + texts.length * 4;
        for (byte[] t : texts) length += t == null ? 0 : t.length;
        if (scratch.capacity() < 8 + length) scratch = ByteBuffer.allocate(Integer.highestOneBit(8 + length) << 1);
        ByteBuffer b = scratch.clear();
        b.putInt(length).putInt(0).putLong(e.id());
        for (int i = 0; i < 4; i++) text(b, texts[i]);
        b.putLong(e.receivedAt());
        text(b, texts[4]);
        b.putLong(e.claimedUntil());
        b.flip();
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 8, length);
        b.putInt(4, (int) crc.getValue());
        return b;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** A string as its UTF-8 length and bytes; -1 for null. */
    private static void text(ByteBuffer b, byte[] utf8) {
        if (utf8 == null) {
            b.putInt(-1);
        } else {
            b.putInt(utf8.length).put(utf8);
        }
    }

    private static Entry decode(byte[] body) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            return new Entry(in.readLong(), text(in), text(in), text(in), text(in), in.readLong(), text(in),
                    in.readLong());
        }
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        if (n > in.available()) throw new EOFException("a field longer than its record");
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
