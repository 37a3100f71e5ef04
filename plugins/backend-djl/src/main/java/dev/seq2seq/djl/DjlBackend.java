package dev.seq2seq.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import dev.seq2seq.backend.Backend;
import dev.seq2seq.backend.BackendInfo;
import dev.seq2seq.backend.DType;
import dev.seq2seq.backend.GradientTape;
import dev.seq2seq.backend.RecurrentOutput;
import dev.seq2seq.backend.RecurrentSpec;
import dev.seq2seq.backend.RecurrentState;
import dev.seq2seq.backend.Tensor;
import dev.seq2seq.backend.TensorScope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The SPI over DJL's PyTorch engine: tensors are {@link NDArray}s, the tape is PyTorch's autograd
 * (opened through DJL's {@code GradientCollector}), scopes are sub-{@link NDManager}s.
 */
public final class DjlBackend implements Backend {

  /** What each thread has open: its scopes (innermost first) and its tape. */
  private static final class ThreadState {
    final Deque<NDManager> scopes = new ArrayDeque<>();
    DjlTape tape;
  }

  private final Engine engine;
  private final Device device;
  private final int threads;
  private final NDManager root;
  private final ThreadLocal<ThreadState> state;
  private final DjlRecurrent recurrent;
  private final DjlBackendProvider.Natives natives;

  DjlBackend(Engine engine, Device device, int threads, DjlBackendProvider.Natives natives) {
    this.engine = engine;
    this.natives = natives;
    this.device = device;
    this.threads = threads;
    this.root = NDManager.newBaseManager(device, DjlBackendProvider.ENGINE);
    // PyTorch's grad mode is per thread and starts enabled on every new thread: switch it off the
    // first time a thread touches this backend, so nothing is recorded outside a tape.
    this.state = ThreadLocal.withInitial(() -> {
      JniUtils.setGradMode(false);
      return new ThreadState();
    });
    this.recurrent = new DjlRecurrent(this);
  }

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public BackendInfo info() {
    String where = device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    return new BackendInfo("djl", Engine.getDjlVersion(), where, threads,
        Map.of("engine", engine.getEngineName() + " " + engine.getVersion()
                + (natives.cudaBuild() ? " (CUDA build)" : " (CPU build)"),
            "gpus", Integer.toString(natives.gpus()),
            "cuda", natives.cudaStatus()));
  }

  @Override
  public boolean supports(DType dtype) {
    return true;
  }

  // ---- creation -------------------------------------------------------------------------------

  @Override
  public Tensor of(float[] data, int... shape) {
    checkSize(data.length, shape);
    return wrap(HostData.owned(manager().create(data, Shapes.djl(shape))));
  }

  @Override
  public Tensor of(double[] data, DType dtype, int... shape) {
    checkSize(data.length, shape);
    return switch (dtype) {
      case FLOAT64 -> wrap(HostData.owned(manager().create(data, Shapes.djl(shape))));
      case FLOAT32 -> {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
          f[i] = (float) data[i];
        }
        yield wrap(HostData.owned(manager().create(f, Shapes.djl(shape))));
      }
      case INT32 -> throw new IllegalArgumentException("of(double[]) makes floating tensors");
    };
  }

  @Override
  public Tensor ofInts(int[] data, int... shape) {
    checkSize(data.length, shape);
    return wrap(HostData.owned(manager().create(data, Shapes.djl(shape))));
  }

  @Override
  public Tensor zeros(DType dtype, int... shape) {
    return wrap(manager().zeros(Shapes.djl(shape), dataType(dtype)));
  }

  private static void checkSize(int length, int[] shape) {
    long size = dev.seq2seq.backend.Shape.of(shape).size();
    if (size != length) {
      throw new IllegalArgumentException(length + " values do not fill shape "
          + dev.seq2seq.backend.Shape.of(shape));
    }
  }

  // ---- structure ------------------------------------------------------------------------------

  @Override
  public Tensor concat(List<Tensor> parts, int axis) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("concat of no tensors");
    }
    int a = parts.get(0).shape().axis(axis);
    NDList list = new NDList(parts.size());
    for (Tensor p : parts) {
      Shapes.checkConcat(parts.get(0).shape(), p.shape(), a);
      list.add(nd(p));
    }
    if (list.size() == 1) {
      // DJL "concatenates" one array with a clone made under torch.no_grad, which would cut the
      // graph; a differentiable copy keeps it.
      NDArray only = list.get(0);
      return wrap(only.toType(only.getDataType(), true));
    }
    return wrap(NDArrays.concat(list, a));
  }

  // ---- autograd and memory --------------------------------------------------------------------

  /**
   * The thread whose tape is open, in the whole process: DJL's gradient collector is a
   * process-wide singleton, while the SPI's tape is per thread. Checked here, before DJL, whose
   * own refusal would leave grad mode switched on for the refused thread.
   */
  private static final AtomicReference<Thread> TAPE_OWNER = new AtomicReference<>();

  @Override
  public GradientTape gradientTape() {
    ThreadState s = state.get();
    if (s.tape != null) {
      throw new IllegalStateException("a gradient tape is already open on this thread");
    }
    Thread me = Thread.currentThread();
    if (!TAPE_OWNER.compareAndSet(null, me)) {
      Thread owner = TAPE_OWNER.get();
      throw new IllegalStateException("a gradient tape is already open on thread '"
          + (owner == null ? "?" : owner.getName()) + "': the djl backend records through DJL's"
          + " process-wide gradient collector, so one tape may be open at a time in the whole"
          + " process (train one model at a time per process with djl)");
    }
    try {
      s.tape = new DjlTape(this, engine.newGradientCollector(), me);
    } catch (RuntimeException e) {
      TAPE_OWNER.compareAndSet(me, null);
      JniUtils.setGradMode(false);
      throw e;
    }
    return s.tape;
  }

  void tapeClosed(Thread owner) {
    state.get().tape = null;
    TAPE_OWNER.compareAndSet(owner, null);
  }

  boolean recording() {
    return state.get().tape != null;
  }

  @Override
  public TensorScope scope() {
    NDManager sub = manager().newSubManager();
    state.get().scopes.push(sub);
    return new DjlScope(this, sub);
  }

  /** Pops {@code scope} (the innermost one) and returns the manager that now is current. */
  NDManager scopeClosed(NDManager scope) {
    Deque<NDManager> scopes = state.get().scopes;
    if (scopes.peek() != scope) {
      throw new IllegalStateException("scopes must be closed innermost first");
    }
    scopes.pop();
    return manager();
  }

  /** Where new tensors go: the innermost open scope of this thread, else the backend. */
  NDManager manager() {
    NDManager top = state.get().scopes.peek();
    return top != null ? top : root;
  }

  /**
   * PyTorch puts a result in its first operand's manager; moving it to the current scope keeps
   * a step's temporaries from piling up in a parameter's (long-lived) manager.
   */
  DjlTensor wrap(NDArray array) {
    NDManager m = manager();
    if (array.getManager() != m) {
      array.attach(m);
    }
    return new DjlTensor(this, array);
  }

  /**
   * {@code torch.where} with NumPy broadcasting: DJL's own {@code where} refuses to broadcast,
   * so the operands are expanded (views, no copies) to the common shape first.
   */
  static NDArray where(NDArray condition, NDArray ifTrue, NDArray ifFalse) {
    ai.djl.ndarray.types.Shape s = Shapes.broadcast(
        Shapes.broadcast(condition.getShape(), ifTrue.getShape()), ifFalse.getShape());
    return NDArrays.where(expand(condition, s), expand(ifTrue, s), expand(ifFalse, s));
  }

  private static NDArray expand(NDArray a, ai.djl.ndarray.types.Shape s) {
    return a.getShape().equals(s) ? a : a.broadcast(s);
  }

  NDArray nd(Tensor t) {
    if (!(t instanceof DjlTensor d) || d.backend() != this) {
      throw new IllegalArgumentException("tensors of different backends never mix");
    }
    return d.nd();
  }

  /**
   * A dedicated op rather than the default formula: the value is returned exactly, even where the
   * jacobian is not finite; such rows still back-propagate NaN, as PyTorch's CTC does.
   */
  @Override
  public Tensor attachGradient(Tensor input, Tensor value, Tensor jacobian) {
    int n = input.shape().dim(0);
    Tensor s = input.mul(jacobian.detach()).reshape(n, -1).sum(1, false);
    NDArray sd = nd(s).stopGradient();
    NDArray finite = sd.isInfinite().logicalOr(sd.isNaN()).logicalNot();
    NDArray zero = manager().zeros(sd.getShape(), sd.getDataType());
    NDArray delta = where(finite, nd(s).sub(sd), zero);
    return value.detach().add(wrap(delta));
  }

  // ---- fused recurrent layers -----------------------------------------------------------------

  @Override
  public RecurrentOutput recurrent(RecurrentSpec spec, Tensor input, int[] lengths,
      RecurrentState initial, List<Tensor> weights) {
    return recurrent.run(spec, input, lengths, initial, weights);
  }

  @Override
  public void close() {
    root.close();
  }

  // ---- types ----------------------------------------------------------------------------------

  static DataType dataType(DType t) {
    return switch (t) {
      case FLOAT32 -> DataType.FLOAT32;
      case FLOAT64 -> DataType.FLOAT64;
      case INT32 -> DataType.INT32;
    };
  }

  static DType dtype(DataType t) {
    return switch (t) {
      case FLOAT32 -> DType.FLOAT32;
      case FLOAT64 -> DType.FLOAT64;
      case INT32 -> DType.INT32;
      default -> throw new IllegalStateException("no SPI type for " + t);
    };
  }
}
