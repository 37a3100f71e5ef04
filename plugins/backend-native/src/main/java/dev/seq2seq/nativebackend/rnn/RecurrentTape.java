package dev.seq2seq.nativebackend.rnn;

import dev.seq2seq.backend.RecurrentSpec;

/**
 * What {@link RecurrentKernels#forward} keeps for {@link RecurrentKernels#backward}: every
 * layer's {@link DirectionRun}, whose buffers hold the cached activations and the layer inputs.
 */
final class RecurrentTape implements RecurrentKernels.Cache {
  final RecurrentSpec spec;
  final int batch;
  final int time;
  final int[] lengths;
  final DirectionRun[][] runs; // [layer][direction]

  RecurrentTape(RecurrentSpec spec, int batch, int time, int[] lengths, DirectionRun[][] runs) {
    this.spec = spec;
    this.batch = batch;
    this.time = time;
    this.lengths = lengths;
    this.runs = runs;
  }
}
