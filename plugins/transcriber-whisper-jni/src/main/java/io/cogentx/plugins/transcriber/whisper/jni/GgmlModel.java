package io.cogentx.plugins.transcriber.whisper.jni;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, in Java, that a file is a whole ggml Whisper model before whisper.cpp reads it: the magic
 * {@code ggml}, hyper-parameters in sane ranges, the mel filters, the vocabulary (with the {@code "
 * "} token whisper.cpp needs), and every tensor's header and data within the file, up to its exact
 * end. A truncated download or another file named like a model is refused with a message, rather
 * than handed to native code that trusts it.
 */
final class GgmlModel {

  static final int MAGIC = 0x67676d6c; // "ggml", little-endian

  /**
   * What the header says.
   *
   * @param audioLayers 4 tiny, 6 base, 12 small, 24 medium, 32 large
   */
  record Header(int vocab, int audioState, int audioLayers, int textLayers, int mels, int tensors) {

    String size() {
      return switch (audioLayers) {
        case 4 -> "tiny";
        case 6 -> "base";
        case 12 -> "small";
        case 24 -> "medium";
        case 32 -> "large";
        default -> "unknown size";
      };
    }
  }

  /** The file is not a usable model; the message says why. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private final FileChannel in;
  private final long size;
  private long position;

  private GgmlModel(FileChannel in) throws IOException {
    this.in = in;
    this.size = in.size();
  }

  static Header check(Path file) throws Invalid, IOException {
    if (!Files.isRegularFile(file)) {
      throw new Invalid("there is no file " + file);
    }
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      return new GgmlModel(in).read();
    }
  }

  private Header read() throws Invalid, IOException {
    if (size < 48 || int32() != MAGIC) {
      throw new Invalid("it is not a ggml model (the file does not start with 'ggml')");
    }
    int vocab = int32();
    int audioCtx = int32();
    int audioState = int32();
    int audioHeads = int32();
    int audioLayers = int32();
    int textCtx = int32();
    int textState = int32();
    int textHeads = int32();
    int textLayers = int32();
    int mels = int32();
    int ftype = int32() % 1000;
    require(vocab >= 51864 && vocab <= 52000, "vocabulary size " + vocab);
    require(audioCtx > 0 && audioCtx <= 1500, "audio context " + audioCtx);
    require(textCtx > 0 && textCtx <= 448, "text context " + textCtx);
    require(audioState > 0 && audioState <= 4096 && audioState == textState, "state " + audioState);
    require(audioHeads > 0 && audioState % audioHeads == 0, "audio heads " + audioHeads);
    require(textHeads > 0 && textState % textHeads == 0, "text heads " + textHeads);
    require(audioLayers > 0 && audioLayers <= 64, "audio layers " + audioLayers);
    require(textLayers > 0 && textLayers <= 64, "text layers " + textLayers);
    require(mels == 80 || mels == 128, "mel bands " + mels);
    require(ftype >= 0 && ftype <= 9, "weight type " + ftype);

    int filterMels = int32();
    int filterFft = int32();
    require(
        filterMels > 0 && filterMels <= 256 && filterFft > 0 && filterFft <= 1024,
        "mel filters " + filterMels + "x" + filterFft);
    skip(4L * filterMels * filterFft);

    int tokens = int32();
    require(tokens > 0 && tokens <= vocab, "token count " + tokens);
    boolean space = false;
    for (int i = 0; i < tokens; i++) {
      int length = int32();
      require(length >= 0 && length <= 1024, "token length " + length);
      if (length == 1) {
        space |= bytes(1)[0] == ' ';
      } else {
        skip(length);
      }
    }
    require(space, "vocabulary without the ' ' token");

    int tensors = 0;
    while (position < size) {
      int dims = int32();
      int nameLength = int32();
      int type = int32();
      require(dims >= 1 && dims <= 4, "tensor dimensions " + dims);
      require(nameLength > 0 && nameLength <= 256, "tensor name length " + nameLength);
      long elements = 1;
      for (int d = 0; d < dims; d++) {
        int n = int32();
        require(n > 0, "tensor dimension " + n);
        elements = Math.multiplyExact(elements, n);
      }
      String name = new String(bytes(nameLength), StandardCharsets.UTF_8);
      skip(dataBytes(type, elements, name));
      tensors++;
    }
    require(tensors > 0, "no tensors");
    return new Header(vocab, audioState, audioLayers, textLayers, mels, tensors);
  }

  /** Bytes of a tensor's data: ggml's element or block sizes. */
  private static long dataBytes(int type, long elements, String name) throws Invalid {
    return switch (type) {
      case 0 -> 4 * elements; // F32
      case 1 -> 2 * elements; // F16
      case 2 -> blocks(elements, 18, name); // Q4_0
      case 3 -> blocks(elements, 20, name); // Q4_1
      case 6 -> blocks(elements, 22, name); // Q5_0
      case 7 -> blocks(elements, 24, name); // Q5_1
      case 8 -> blocks(elements, 34, name); // Q8_0
      default -> throw new Invalid("tensor " + name + " has an unknown type " + type);
    };
  }

  private static long blocks(long elements, int blockBytes, String name) throws Invalid {
    if (elements % 32 != 0) {
      throw new Invalid("tensor " + name + " is not a whole number of blocks");
    }
    return elements / 32 * blockBytes;
  }

  private static void require(boolean ok, String what) throws Invalid {
    if (!ok) {
      throw new Invalid("it is not a Whisper model this server can load (" + what + ")");
    }
  }

  private int int32() throws IOException, Invalid {
    return ByteBuffer.wrap(bytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private byte[] bytes(int n) throws IOException, Invalid {
    if (position + n > size) {
      throw new Invalid("the file ends early (a download cut off?)");
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (in.read(b, position + b.position()) < 0) {
        throw new Invalid("the file ends early (a download cut off?)");
      }
    }
    position += n;
    return b.array();
  }

  private void skip(long n) throws Invalid {
    if (n < 0 || position + n > size) {
      throw new Invalid("the file ends early (a download cut off?)");
    }
    position += n;
  }
}
