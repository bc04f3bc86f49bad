/* Hand-written SVG charts: no library, no network. Every function returns markup from escaped values. */
(function () {
  function esc(v) {
    return String(v == null ? '' : v).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(x, digits) {
    if (x == null || isNaN(x)) return '–';
    return String(Number(Number(x).toFixed(digits == null ? 2 : digits)));
  }

  /* Pre/post slope chart: one line per member, coloured by reliable-change category, and the group means. */
  function slope(scale, labels) {
    var members = scale.members || [];
    var w = 420, h = 260, left = 90, right = 330, top = 20, bottom = 230;
    var values = [];
    members.forEach(function (m) { values.push(m.pre, m.post); });
    if (scale.preMean != null) values.push(scale.preMean, scale.postMean);
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    if (lo === hi) { lo -= 1; hi += 1; }
    var pad = (hi - lo) * 0.08; lo -= pad; hi += pad;
    function y(v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); }
    var out = ['<svg class="slope-chart" role="img" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + ' ' + h + '">'];
    out.push('<line class="axis" x1="' + left + '" y1="' + top + '" x2="' + left + '" y2="' + bottom + '"/>');
    out.push('<line class="axis" x1="' + right + '" y1="' + top + '" x2="' + right + '" y2="' + bottom + '"/>');
    out.push('<text x="' + left + '" y="' + (h - 8) + '" text-anchor="middle">' + esc(labels.pre) + '</text>');
    out.push('<text x="' + right + '" y="' + (h - 8) + '" text-anchor="middle">' + esc(labels.post) + '</text>');
    members.forEach(function (m) {
      out.push('<line class="slope ' + esc(m.category || 'none') + '" data-participant="' + esc(m.participantId)
        + '" data-pre="' + esc(m.pre) + '" data-post="' + esc(m.post) + '" x1="' + left + '" y1="' + y(m.pre).toFixed(1)
        + '" x2="' + right + '" y2="' + y(m.post).toFixed(1) + '"><title>' + esc(m.participantId.slice(0, 8)) + ': '
        + num(m.pre) + ' → ' + num(m.post) + '</title></line>');
      out.push('<text class="pre-value" x="' + (left - 6) + '" y="' + (y(m.pre) + 4).toFixed(1) + '" text-anchor="end">' + num(m.pre) + '</text>');
      out.push('<text class="post-value" x="' + (right + 6) + '" y="' + (y(m.post) + 4).toFixed(1) + '">' + num(m.post) + '</text>');
    });
    if (scale.preMean != null) {
      out.push('<line class="mean" data-pre="' + esc(scale.preMean) + '" data-post="' + esc(scale.postMean) + '" x1="' + left
        + '" y1="' + y(scale.preMean).toFixed(1) + '" x2="' + right + '" y2="' + y(scale.postMean).toFixed(1) + '"><title>'
        + esc(labels.mean) + ': ' + num(scale.preMean) + ' → ' + num(scale.postMean) + '</title></line>');
    }
    out.push('</svg>');
    return out.join('');
  }

  /* Horizontal bars of counts; a withheld count shows as text, not as a bar. */
  function bars(entries, suppressedText) {
    var max = 0;
    entries.forEach(function (e) { if (e.value != null && e.value > max) max = e.value; });
    var rowH = 24, w = 460, labelW = 140, h = entries.length * rowH + 4;
    var out = ['<svg class="bars" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + ' ' + h + '">'];
    entries.forEach(function (e, i) {
      var yy = i * rowH + 2;
      out.push('<text x="' + (labelW - 6) + '" y="' + (yy + 15) + '" text-anchor="end">' + esc(e.label) + '</text>');
      if (e.value == null) {
        out.push('<text class="suppressed" data-key="' + esc(e.key) + '" x="' + labelW + '" y="' + (yy + 15) + '">' + esc(suppressedText) + '</text>');
      } else {
        var bw = max ? (w - labelW - 50) * e.value / max : 0;
        out.push('<rect class="bar" data-key="' + esc(e.key) + '" data-value="' + esc(e.value) + '" x="' + labelW + '" y="' + yy
          + '" width="' + bw.toFixed(1) + '" height="' + (rowH - 6) + '"/>');
        out.push('<text x="' + (labelW + bw + 4).toFixed(1) + '" y="' + (yy + 15) + '">' + esc(e.value) + '</text>');
      }
    });
    out.push('</svg>');
    return out.join('');
  }

  /* Members × sessions attendance table, one coloured cell per recorded status. */
  function heat(sessions, members, t) {
    var out = ['<table class="heat"><thead><tr><th>' + esc(t.member) + '</th>'];
    sessions.forEach(function (s) { out.push('<th title="' + esc(s.theme || '') + '">' + esc(s.sequence) + '</th>'); });
    out.push('<th>%</th></tr></thead><tbody>');
    members.forEach(function (m) {
      out.push('<tr data-participant="' + esc(m.participantId) + '"><td' + (m.atRisk ? ' class="risk"' : '') + '>'
        + esc(m.participantId.slice(0, 8)) + '</td>');
      sessions.forEach(function (s) {
        var st = m.attendance ? m.attendance[String(s.sequence)] : null;
        out.push('<td class="cell ' + esc(st || '') + '" data-session="' + esc(s.sequence) + '" data-status="' + esc(st || '')
          + '" title="' + esc(st ? t.attendanceStatus[st] : '') + '">' + esc(st ? t.attendanceStatus[st].slice(0, 2) : '') + '</td>');
      });
      out.push('<td class="num">' + (m.attendanceRate == null ? '–' : Math.round(m.attendanceRate * 100)) + '</td></tr>');
    });
    out.push('</tbody></table>');
    return out.join('');
  }

  window.Charts = { slope: slope, bars: bars, heat: heat, esc: esc, num: num };
})();
