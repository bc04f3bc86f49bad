/*
 * PeerCircle dashboard: city overview, centre view and group view, in zh-CN (default) or English, kept live.
 * The token comes from the URL fragment (#token=…, never sent to a server in a URL) or the form, and is kept in
 * sessionStorage; every figure is fetched from the centre-scoped API with it. Live updates: fetch() streams the
 * server-sent events of /api/v1/live with the bearer header (EventSource cannot send one) and the current view is
 * re-read when the read model changed.
 */
(function () {
  'use strict';
  var esc = Charts.esc, num = Charts.num;
  var state = { token: null, lang: localStorage.getItem('pc.lang') || 'zh-CN', view: { kind: null, id: null }, claims: {} };
  var renderSeq = 0, refreshTimer = null, liveConn = null;
  window.__dashboard = { renders: 0, liveConnected: false, changes: 0 };

  function t() { return I18N[state.lang]; }
  function fill(s, vars) { return s.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] == null ? '' : vars[k]; }); }
  function $(id) { return document.getElementById(id); }
  function pct(x) { return x == null ? '–' : Math.round(x * 100) + '%'; }
  function short(id) { return String(id).slice(0, 8); }

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (params.get('token')) {
      sessionStorage.setItem('pc.token', params.get('token'));
      params.delete('token');
    }
    if (params.get('lang')) {
      state.lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
      params.delete('lang');
    }
    state.token = sessionStorage.getItem('pc.token');
    state.claims = claims(state.token);
    state.view = { kind: params.get('view'), id: params.get('id') };
    var rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '#' + rest : ''));
  }

  function claims(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      while (part.length % 4) part += '=';
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return {};
    }
  }

  function roles() { return (state.claims.realm_access && state.claims.realm_access.roles) || []; }
  function cityWide() { return roles().some(function (r) { return ['coordinator', 'analyst', 'integration'].indexOf(r) >= 0; }); }

  function link(kind, id, text) {
    return '<a href="#view=' + kind + (id ? '&id=' + esc(id) : '') + '">' + esc(text) + '</a>';
  }

  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' } })
      .then(function (r) {
        if (r.status === 401) { showLogin(); throw new Error('401'); }
        if (!r.ok) { var e = new Error(String(r.status)); e.status = r.status; throw e; }
        return r.json();
      });
  }

  // ---- words ---------------------------------------------------------------------------------------------------
  function construct(code, scale) {
    var c = t().constructs, u = String(code).toUpperCase(), key = null;
    if (/UCLA|LONEL|孤独/.test(u)) key = 'loneliness';
    else if (/ALIEN|疏离/.test(u)) key = 'alienation';
    else if (/GSES|EFFIC|效能/.test(u)) key = 'selfEfficacy';
    else if (/SSRS|MSPSS|SUPPORT|支持/.test(u)) key = 'support';
    else if (/SKILL|IPS|交往/.test(u)) key = 'skills';
    var name = key ? c[key] : code;
    return scale && scale !== 'TOTAL' ? name + ' · ' + scale : name;
  }

  function formatP(p) {
    if (p < 0.001) return 'p < 0.001';
    return 'p = ' + (p < 0.01 ? p.toFixed(3) : p.toFixed(2));
  }

  /* "孤独感平均下降 2.1 分，p = 0.03，效应量大" / "loneliness fell by 2.1 points on average, p = 0.03, large effect" */
  function sentence(instrument, scale) {
    var tr = t(), change = scale.meanChange, name = construct(instrument.instrumentCode, scale.scale);
    var parts = [Math.abs(change) < 0.05 ? fill(tr.sentenceNone, { construct: name })
      : fill(tr.sentence, { construct: name, verb: change < 0 ? tr.fell : tr.rose, amount: num(Math.abs(change), 1), points: tr.points })];
    if (scale.tTest) parts.push(formatP(scale.tTest.p));
    if (scale.effectSize) parts.push(tr.effect[scale.effectSize.magnitude]);
    return parts.join(tr.listSep);
  }

  function direction(instrument, scale) {
    if (Math.abs(scale.meanChange) < 0.05) return '';
    return (scale.meanChange < 0) === instrument.higherIsWorse ? 'improved' : 'worse';
  }

  // ---- pieces ----------------------------------------------------------------------------------------------------
  function card(label, value, suppressed) {
    return '<div class="card"><div class="value' + (suppressed ? ' suppressed' : '') + '">' + esc(value) + '</div><div class="label">'
      + esc(label) + '</div></div>';
  }
  function withheld() { return '<' + (state.minCellSize || 5); }
  function cell(c) { return c == null ? '–' : c.suppressed ? withheld() : c.value; }
  function cards(list) { return '<div class="cards">' + list.join('') + '</div>'; }

  function barsOf(map, names, isCell) {
    var entries = Object.keys(map || {}).sort().map(function (k) {
      var v = map[k];
      return { key: k, label: (names && names[k]) || k, value: isCell ? (v.suppressed ? null : v.value) : v };
    });
    return entries.length ? Charts.bars(entries, t().suppressed) : '<p class="detail">' + esc(t().noData) + '</p>';
  }

  function outcomePanel(instrument, scale, withChart) {
    var tr = t(), id = esc(instrument.instrumentCode + '-' + scale.scale);
    var out = ['<div class="panel outcome" data-instrument="' + esc(instrument.instrumentCode) + '" data-scale="' + esc(scale.scale) + '">'];
    out.push('<p class="sentence ' + direction(instrument, scale) + '" id="sentence-' + id + '">' + esc(sentence(instrument, scale)) + '</p>');
    var detail = [fill(tr.paired, { n: scale.nPaired })];
    if (scale.improved != null) detail.push(fill(tr.rciCounts, scale));
    out.push('<p class="detail">' + esc(detail.join(tr.listSep)) + '</p>');
    if (withChart && scale.members) {
      out.push('<div id="slope-' + id + '">' + Charts.slope(scale, { pre: tr.pre, post: tr.post, mean: tr.mean }) + '</div>');
    }
    out.push(statsTable(scale));
    out.push('</div>');
    return out.join('');
  }

  function statsTable(s) {
    var tr = t(), rows = [];
    rows.push(['n', s.nPaired]);
    rows.push([tr.pre, num(s.preMean) + (s.preSd != null ? ' (SD ' + num(s.preSd) + ')' : '')]);
    rows.push([tr.post, num(s.postMean) + (s.postSd != null ? ' (SD ' + num(s.postSd) + ')' : '')]);
    rows.push([tr.change, num(s.meanChange) + (s.ci95 ? ' [95% CI ' + num(s.ci95.lower) + ', ' + num(s.ci95.upper) + ']' : '')]);
    if (s.tTest) rows.push(['t (df), p', num(s.tTest.t, 3) + ' (' + s.tTest.df + '), ' + formatP(s.tTest.p)]);
    if (s.wilcoxon && s.wilcoxon.p != null) rows.push(['Wilcoxon W, p', num(s.wilcoxon.w) + ', ' + formatP(s.wilcoxon.p) + ' (' + s.wilcoxon.method + ')']);
    if (s.effectSize) rows.push(['Cohen dz / Hedges gz', num(s.effectSize.cohensDz, 2) + ' / ' + num(s.effectSize.hedgesGz, 2)]);
    if (s.reliableChange) rows.push(['RCI', 'S_diff ' + num(s.reliableChange.sDiff, 3) + ' (' + s.reliableChange.sdSource + ')']);
    return '<table class="stats"><tbody>' + rows.map(function (r) {
      return '<tr><th>' + esc(r[0]) + '</th><td class="num">' + esc(r[1]) + '</td></tr>';
    }).join('') + '</tbody></table>';
  }

  function outcomesSection(instruments, withChart) {
    if (!instruments || !instruments.length) return '<p class="detail">' + esc(t().noData) + '</p>';
    return instruments.map(function (i) {
      if (i.suppressed) {
        return '<div class="panel"><p class="sentence suppressed">' + esc(construct(i.instrumentCode)) + t().listSep + esc(t().suppressed) + '</p></div>';
      }
      var scales = (i.total ? [i.total] : []).concat(i.subscales || []);
      return scales.map(function (s) { return outcomePanel(i, s, withChart); }).join('');
    }).join('');
  }

  function needsSection(needs, isCell) {
    if (!needs || !needs.length) return '<p class="detail">' + esc(t().noData) + '</p>';
    return needs.map(function (n) {
      var respondents = isCell ? cell(n.respondents) : n.respondents;
      var items = Object.keys(n.items || {}).sort().map(function (item) {
        return '<h3>' + esc(item) + '</h3>' + barsOf(n.items[item], null, isCell);
      }).join('');
      return '<div class="panel"><h3>' + esc(n.instrumentCode) + ' (n = ' + esc(respondents) + ')</h3>' + items + '</div>';
    }).join('');
  }

  function atRiskList(list, groupTitles) {
    if (!list || !list.length) return '<p class="detail" id="at-risk">' + esc(t().noData) + '</p>';
    return '<ul id="at-risk">' + list.map(function (r) {
      return '<li class="risk" data-participant="' + esc(r.participantId) + '">' + esc(short(r.participantId)) + ' — '
        + esc(fill(t().consecutive, { n: r.consecutiveAbsences })) + (r.groupTitle ? ' (' + esc(r.groupTitle) + ')' : '') + '</li>';
    }).join('') + '</ul>';
  }

  // ---- views -----------------------------------------------------------------------------------------------------
  function renderCity() {
    return api('/api/v1/city/dashboard').then(function (d) {
      var tr = t();
      state.minCellSize = d.minCellSize;
      crumbs([tr.city]);
      return '<h2>' + esc(tr.city) + '</h2>'
        + cards([card(tr.peopleServed, cell(d.peopleServed), d.peopleServed.suppressed), card(tr.migrants, cell(d.migrants), d.migrants.suppressed),
          card(tr.livingAlone, cell(d.livingAlone), d.livingAlone.suppressed), card(tr.groupsRunning, d.groupsRunning),
          card(tr.groupsClosed, d.groupsClosed), card(tr.peopleInGroups, cell(d.peopleInGroups), d.peopleInGroups.suppressed),
          card(tr.attendanceRate, d.attendanceRateSuppressed ? withheld() : pct(d.attendanceRate), d.attendanceRateSuppressed)])
        + '<h2>' + esc(tr.byAgeBand) + '</h2><div class="panel">' + barsOf(d.byAgeBand, tr.ageBand, true) + '</div>'
        + '<h2>' + esc(tr.byLivingSituation) + '</h2><div class="panel">' + barsOf(d.byLivingSituation, tr.living, true) + '</div>'
        + '<h2>' + esc(tr.centres) + '</h2><div class="panel"><table><thead><tr><th>' + esc(tr.centre) + '</th><th>' + esc(tr.peopleServed)
        + '</th><th>' + esc(tr.groupsRunning) + '</th><th>' + esc(tr.groupsClosed) + '</th></tr></thead><tbody>'
        + d.centres.map(function (c) {
          return '<tr><td>' + link('centre', c.centreId, short(c.centreId)) + '</td><td class="num">' + esc(cell(c.peopleServed))
            + '</td><td class="num">' + c.groupsRunning + '</td><td class="num">' + c.groupsClosed + '</td></tr>';
        }).join('') + '</tbody></table></div>'
        + '<h2>' + esc(tr.outcomes) + '</h2>' + outcomesSection(d.outcomes, false)
        + '<h2>' + esc(tr.needs) + '</h2>' + needsSection(d.needs, true);
    });
  }

  function renderCentre(id) {
    return api('/api/v1/centres/' + encodeURIComponent(id) + '/dashboard').then(function (d) {
      var tr = t();
      crumbs(cityWide() ? [link('city', null, tr.city), tr.centre + ' ' + short(id)] : [tr.centre + ' ' + short(id)]);
      var risks = [];
      d.groups.forEach(function (g) { g.atRisk.forEach(function (r) { risks.push(Object.assign({ groupTitle: g.title }, r)); }); });
      return '<h2>' + esc(tr.centre) + ' ' + esc(short(id)) + '</h2>'
        + cards([card(tr.peopleServed, d.peopleServed), card(tr.migrants, d.migrants), card(tr.livingAlone, d.livingAlone),
          card(tr.groupsRunning, d.groupsRunning), card(tr.groupsClosed, d.groupsClosed), card(tr.peopleInGroups, d.peopleInGroups),
          card(tr.attendanceRate, pct(d.attendanceRate))])
        + '<h2>' + esc(tr.groups) + '</h2><div class="panel"><table id="groups"><thead><tr><th>' + esc(tr.group) + '</th><th>'
        + esc(tr.byStatus) + '</th><th>' + esc(tr.enrolled) + '</th><th>' + esc(tr.withdrawn) + '</th><th>' + esc(tr.sessions)
        + '</th><th>' + esc(tr.attendanceRate) + '</th><th>' + esc(tr.atRisk) + '</th></tr></thead><tbody>'
        + d.groups.map(function (g) {
          return '<tr><td>' + link('group', g.groupId, g.title || short(g.groupId)) + '</td><td>' + esc(tr.status[g.status] || g.status)
            + '</td><td class="num">' + (g.membership.enrolled + g.membership.completed) + '</td><td class="num">' + g.membership.withdrawn
            + '</td><td class="num">' + g.sessionsHeld + '</td><td class="num">' + pct(g.attendanceRate) + '</td><td class="num">'
            + g.atRisk.length + '</td></tr>';
        }).join('') + '</tbody></table></div>'
        + '<h2>' + esc(tr.atRisk) + '</h2>' + atRiskList(risks)
        + '<h2>' + esc(tr.byAgeBand) + '</h2><div class="panel">' + barsOf(d.byAgeBand, tr.ageBand) + '</div>'
        + '<h2>' + esc(tr.byLivingSituation) + '</h2><div class="panel">' + barsOf(d.byLivingSituation, tr.living) + '</div>'
        + '<h2>' + esc(tr.outcomes) + '</h2>' + outcomesSection(d.outcomes, false)
        + '<h2>' + esc(tr.needs) + '</h2>' + needsSection(d.needs, false);
    });
  }

  function renderGroup(id) {
    var path = '/api/v1/groups/' + encodeURIComponent(id);
    return Promise.all([api(path + '/dashboard'), api(path + '/outcomes')]).then(function (r) {
      var d = r[0], o = r[1], tr = t(), m = d.membership;
      crumbs((cityWide() ? [link('city', null, tr.city)] : []).concat([link('centre', d.centreId, tr.centre + ' ' + short(d.centreId)),
        d.title || short(id)]));
      var reasons = Object.keys(d.withdrawalReasons).map(function (k) { return k + ' ' + d.withdrawalReasons[k]; }).join(tr.listSep);
      return '<h2 id="group-title">' + esc(d.title || short(id)) + ' · ' + esc(tr.status[d.status] || d.status) + '</h2>'
        + cards([card(tr.enrolled, m.enrolled), card(tr.completed, m.completed), card(tr.withdrawn, m.withdrawn),
          card(tr.waitListed, m.waitListed), card(tr.retentionRate, pct(m.retentionRate)), card(tr.attendanceRate, pct(d.attendanceRate))])
        + (reasons ? '<p class="detail">' + esc(tr.withdrawalReasons) + ': ' + esc(reasons) + '</p>' : '')
        + '<h2>' + esc(tr.outcomes) + '</h2><div id="outcomes">' + outcomesSection(o.instruments, true) + '</div>'
        + '<h2>' + esc(tr.attendance) + '</h2><div class="panel" id="heatmap">' + Charts.heat(d.sessions, d.members, tr) + '</div>'
        + '<h2>' + esc(tr.atRisk) + '</h2>' + atRiskList(d.atRisk)
        + '<h2>' + esc(tr.sessions) + '</h2><div class="panel"><ol id="sessions">' + d.sessions.map(function (s) {
          return '<li>' + esc(fill(tr.session, { n: s.sequence })) + ' ' + esc(s.theme || '') + ' · ' + pct(s.attendanceRate) + ' '
            + (s.themeTags || []).map(function (tag) { return '<span class="tag">' + esc(tag) + '</span>'; }).join('') + '</li>';
        }).join('') + '</ol></div>';
    });
  }

  function crumbs(parts) { $('crumbs').innerHTML = parts.map(function (p) { return /^<a /.test(p) ? p : esc(p); }).join(' / '); }

  function chrome() {
    var tr = t();
    document.documentElement.lang = state.lang;
    document.title = 'PeerCircle · ' + tr.title;
    $('title').textContent = tr.title;
    $('lang').textContent = tr.switchTo;
    $('token-label').textContent = tr.token;
    $('token-save').textContent = tr.enter;
    setLive(window.__dashboard.liveConnected);
  }

  function render() {
    chrome();
    if (!state.token) { showLogin(); return Promise.resolve(); }
    $('login').hidden = true;
    var v = state.view;
    if (!v.kind) {
      var centres = state.claims.centres || [];
      v = cityWide() || !centres.length ? { kind: 'city' } : { kind: 'centre', id: centres[0] };
    }
    var seq = ++renderSeq;
    var load = v.kind === 'group' ? renderGroup(v.id) : v.kind === 'centre' ? renderCentre(v.id) : renderCity();
    return load.then(function (html) {
      if (seq !== renderSeq) return;
      $('main').innerHTML = html;
      window.__dashboard.renders++;
    }).catch(function (e) {
      if (seq !== renderSeq || e.message === '401') return;
      $('main').innerHTML = '<p class="error">' + esc(e.status === 403 || e.status === 404 ? t().forbidden : t().failed) + '</p>';
    });
  }

  function showLogin() {
    $('login').hidden = false;
    $('main').innerHTML = '';
  }

  // ---- live updates ---------------------------------------------------------------------------------------------
  function setLive(on) {
    window.__dashboard.liveConnected = on;
    var el = $('live');
    el.className = 'live ' + (on ? 'on' : 'off');
    el.textContent = on ? t().live : t().offline;
  }

  function scheduleRefresh() {
    window.__dashboard.changes++;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(render, 250);
  }

  function connectLive() {
    if (!state.token || liveConn) return;
    var controller = new AbortController();
    liveConn = controller;
    fetch('/api/v1/live', { headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        var reader = res.body.getReader(), decoder = new TextDecoder(), buffer = '';
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, '\n');
            var i;
            while ((i = buffer.indexOf('\n\n')) >= 0) {
              handleEvent(buffer.slice(0, i));
              buffer = buffer.slice(i + 2);
            }
            return pump();
          });
        }
        return pump();
      })
      .catch(function () { /* reconnect below */ })
      .then(function () {
        setLive(false);
        liveConn = null;
        setTimeout(connectLive, 2000);
      });
  }

  function handleEvent(block) {
    var data = block.split('\n').filter(function (l) { return l.indexOf('data:') === 0; })
      .map(function (l) { return l.slice(5).trim(); }).join('\n');
    if (!data) return;
    var message;
    try { message = JSON.parse(data); } catch (e) { return; }
    if (message.connected) setLive(true);
    if (message.topic) scheduleRefresh();
  }

  // ---- start -----------------------------------------------------------------------------------------------------
  $('lang').addEventListener('click', function () {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('pc.lang', state.lang);
    render();
  });
  $('token-save').addEventListener('click', function () {
    sessionStorage.setItem('pc.token', $('token-input').value.trim());
    readFragment();
    render();
    connectLive();
  });
  window.addEventListener('hashchange', function () { readFragment(); render(); });
  readFragment();
  render();
  connectLive();
})();
