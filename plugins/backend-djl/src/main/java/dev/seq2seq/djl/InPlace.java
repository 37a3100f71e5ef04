package dev.seq2seq.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs an in-place update with PyTorch's grad mode off: the SPI never records these, and PyTorch
 * refuses in-place changes of a leaf that requires a gradient while grad mode is on.
 */
final class InPlace {
  private InPlace() {}

  static void run(Runnable update) {
    boolean recording = JniUtils.isGradMode();
    if (recording) {
      JniUtils.setGradMode(false);
    }
    try {
      update.run();
    } finally {
      if (recording) {
        JniUtils.setGradMode(true);
      }
    }
  }
}
