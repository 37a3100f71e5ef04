package dev.seq2seq.task.speech.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;
import org.jflac.metadata.StreamInfo;
import org.jflac.util.ByteData;

/**
 * A FLAC file decoded frame by frame with jflac (bit-exact against the reference decoder), mixed
 * down to mono by the mean. 8-, 16- and 24-bit streams are read; the total sample count must be in
 * STREAMINFO (every encoder writes it), so that a cut-off file is reported instead of silently
 * shortened. Corrupt frames (a failed CRC) are errors, not skipped.
 */
public final class FlacStream implements SampleStream {
  private final String source;
  private final InputStream in;
  private final FLACDecoder decoder;
  private final int channels;
  private final int bytesPerSample;
  private final float scale;
  private final int sampleRate;
  private final long frames;
  private long position;
  private float[] pending = new float[0]; // decoded, not yet returned
  private int pendingFrom;
  private String frameError; // what jflac reported about the last frame (it zeroes bad frames)

  private FlacStream(String source, InputStream in, FLACDecoder decoder, StreamInfo info)
      throws AudioFormatException {
    this.source = source;
    this.in = in;
    this.decoder = decoder;
    decoder.addFrameListener(new FrameListener() {
      @Override
      public void processMetadata(Metadata metadata) {}

      @Override
      public void processFrame(Frame frame) {}

      @Override
      public void processError(String message) {
        if (frameError == null) {
          frameError = message;
        }
      }
    });
    this.channels = info.getChannels();
    int bits = info.getBitsPerSample();
    if (bits != 8 && bits != 16 && bits != 24) {
      throw new AudioFormatException(source, "FLAC with " + bits + "-bit samples is not"
          + " supported (8, 16 and 24 are)");
    }
    this.bytesPerSample = bits / 8;
    this.scale = 1f / (1 << (bits - 1));
    this.sampleRate = info.getSampleRate();
    this.frames = info.getTotalSamples();
    if (sampleRate <= 0 || channels <= 0) {
      throw new AudioFormatException(source, "FLAC STREAMINFO gives " + sampleRate + " Hz and "
          + channels + " channels");
    }
    if (frames <= 0) {
      throw new AudioFormatException(source, frames == 0
          ? "FLAC without a sample count in STREAMINFO is not supported (re-encode it)"
          : "FLAC STREAMINFO gives a negative sample count");
    }
  }

  /** Opens {@code file} and reads its metadata. */
  public static FlacStream open(Path file) throws AudioFormatException {
    String source = file.toString();
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new AudioFormatException(source, "no such file", e);
    } catch (IOException e) {
      throw new AudioFormatException(source, "cannot be read (" + e.getMessage() + ")", e);
    }
    try {
      FLACDecoder decoder = new FLACDecoder(in);
      decoder.readMetadata();
      StreamInfo info = decoder.getStreamInfo();
      if (info == null) {
        throw new AudioFormatException(source, "not a FLAC file (no STREAMINFO block)");
      }
      return new FlacStream(source, in, decoder, info);
    } catch (AudioFormatException e) {
      closeQuietly(in);
      throw e;
    } catch (IOException | RuntimeException e) {
      closeQuietly(in);
      throw new AudioFormatException(source, "corrupt FLAC header (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public long frames() {
    return frames;
  }

  @Override
  public long remaining() {
    return frames - position;
  }

  @Override
  public float[] read(int max) throws AudioFormatException {
    int n = (int) Math.min(max, remaining());
    float[] out = new float[n];
    int filled = 0;
    while (filled < n) {
      if (pendingFrom == pending.length) {
        pending = nextFrame();
        pendingFrom = 0;
      }
      int take = Math.min(n - filled, pending.length - pendingFrom);
      System.arraycopy(pending, pendingFrom, out, filled, take);
      pendingFrom += take;
      filled += take;
    }
    position += n;
    return out;
  }

  /** The next frame's samples, mono. */
  private float[] nextFrame() throws AudioFormatException {
    long decoded = position + (pending.length - pendingFrom);
    Frame frame;
    ByteData pcm;
    try {
      frame = decoder.readNextFrame();
      if (frame == null) {
        throw new AudioFormatException(source, "truncated FLAC: " + decoded + " of " + frames
            + " samples present");
      }
      pcm = decoder.decodeFrame(frame, null);
    } catch (AudioFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new AudioFormatException(source, "corrupt FLAC frame after sample " + decoded + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
    }
    if (frameError != null || decoder.getBadFrames() > 0) {
      // jflac reports a failed CRC to its listeners and hands back silence: refuse it instead.
      throw new AudioFormatException(source, "corrupt FLAC frame after sample " + decoded + " ("
          + (frameError == null ? "bad frame" : frameError) + ")");
    }
    byte[] b = pcm.getData();
    int frameBytes = bytesPerSample * channels;
    int count = pcm.getLen() / frameBytes;
    float[] mono = new float[count];
    for (int i = 0; i < count; i++) {
      float sum = 0;
      for (int c = 0; c < channels; c++) {
        int at = i * frameBytes + c * bytesPerSample;
        // jflac hands 8-bit samples over offset by 128, as WAV stores them; wider ones signed.
        int v = switch (bytesPerSample) {
          case 1 -> (b[at] & 0xff) - 128;
          case 2 -> (short) ((b[at] & 0xff) | (b[at + 1] << 8));
          default -> (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) | (b[at + 2] << 16);
        };
        sum += v * scale;
      }
      mono[i] = sum / channels;
    }
    return count == 0 ? nextFrame() : mono;
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; the file stays as it is
    }
  }
}
