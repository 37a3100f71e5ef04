package dev.seq2seq.nativebackend.gemm;

/**
 * One thread's packing buffers, kept between calls so steady-state multiplies allocate nothing.
 * Buffers grow to the largest block seen and never shrink; the block sizes cap them at
 * {@code (MC + NC) * KC} floats, a few megabytes.
 */
final class Workspace {
  private float[] packedA = new float[0];
  private float[] packedB = new float[0];
  private float[] skinnyScratch = new float[0];
  private final float[] tile = new float[MicroKernel.MR * MicroKernel.NR];

  float[] packedA(int size) {
    if (packedA.length < size) {
      packedA = new float[size];
    }
    return packedA;
  }

  float[] packedB(int size) {
    if (packedB.length < size) {
      packedB = new float[size];
    }
    return packedB;
  }

  /** Scratch for {@link SkinnyGemm}, at least {@code size} floats. */
  float[] skinnyScratch(int size) {
    if (skinnyScratch.length < size) {
      skinnyScratch = new float[size];
    }
    return skinnyScratch;
  }

  /** Scratch for one edge tile, which the kernel fills before it is merged into C. */
  float[] tile() {
    return tile;
  }
}
