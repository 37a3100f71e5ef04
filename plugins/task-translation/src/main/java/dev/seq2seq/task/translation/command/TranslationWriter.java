package dev.seq2seq.task.translation.command;

import dev.seq2seq.command.Json;
import dev.seq2seq.plot.Heatmap;
import dev.seq2seq.task.translation.decode.Translator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One output line per translation (text or JSON), and the attention plots. */
final class TranslationWriter {
  private final TranslateCommand.Format format;
  private final Path plotDir;

  TranslationWriter(TranslateCommand.Format format, Path plotDir) {
    this.format = format;
    this.plotDir = plotDir;
  }

  void write(Writer out, long line, Translator.Translation t) throws IOException {
    if (format == TranslateCommand.Format.text) {
      out.write(t.text());
    } else {
      out.write(Json.write(json(line, t)));
    }
    out.write('\n');
    if (plotDir != null && t.attention() != null && t.attention().length > 0) {
      Heatmap.write(plotDir.resolve(String.format(Locale.ROOT, "line-%06d.png", line)),
          t.attention(), t.targetTokens(), t.sourceTokens(), "line " + line);
    }
  }

  private static Map<String, Object> json(long line, Translator.Translation t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("line", line);
    m.put("translation", t.text());
    m.put("score", t.score());
    List<Map<String, Object>> nbest = new ArrayList<>(t.nbest().size());
    for (Translator.Candidate c : t.nbest()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("translation", c.text());
      h.put("score", c.score());
      nbest.add(h);
    }
    m.put("nbest", nbest);
    m.put("source_tokens", t.sourceTokens());
    m.put("target_tokens", t.targetTokens());
    m.put("attention", t.attention());
    return m;
  }
}
