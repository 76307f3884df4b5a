// Appended to a report page by ReportInBrowserIT: measures what the browser laid out and writes it, as JSON, into
// a hidden pre element (id mirrordrill-probe) that the test reads from the dumped DOM.
(function () {
  function visible(el) {
    if (!el) return false;
    var r = el.getBoundingClientRect();
    var s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity !== 0;
  }
  function width(el) { return el ? el.getBoundingClientRect().width : 0; }
  var out = {errors: window.__mirrordrillErrors || [], pageWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth, sections: []};
  document.querySelectorAll('section').forEach(function (sec) {
    var timeline = sec.querySelector('svg.timeline');
    var line = sec.querySelector('svg.timeline .window.start');
    var s = {id: sec.id, timeline: visible(timeline), start: !!line && line.getBoundingClientRect().height > 0,
      rpo: width(sec.querySelector('rect.window.rpo')), rto: width(sec.querySelector('rect.window.rto')),
      windowLabels: 0, legend: visible(sec.querySelector('ul.legend')),
      legendItems: sec.querySelectorAll('ul.legend li').length,
      axisTitle: visible(sec.querySelector('svg.timeline .axis-title')) ? sec.querySelector('svg.timeline .axis-title').textContent : '',
      lags: 0, lagIntervals: 0, noLag: visible(sec.querySelector('.no-lag')), clipped: [], overlapping: []};
    sec.querySelectorAll('svg.timeline .window-label').forEach(function (t) { if (visible(t)) s.windowLabels++; });
    sec.querySelectorAll('svg.lag').forEach(function (l) {
      if (visible(l) && visible(l.querySelector('.lag-line'))) s.lags++;
      if (l.querySelector('.interval')) s.lagIntervals++;
    });
    // every text of a picture lies inside the picture: nothing cut off at its edges
    sec.querySelectorAll('svg').forEach(function (svg) {
      var box = svg.viewBox && svg.viewBox.baseVal;
      if (!box || !box.width) return;
      svg.querySelectorAll('text').forEach(function (t) {
        var b = t.getBBox();
        if (b.width > 0 && (b.x < -0.5 || b.x + b.width > box.width + 0.5 || b.y < -0.5
            || b.y + b.height > box.height + 0.5)) {
          s.clipped.push(t.textContent.slice(0, 80));
        }
      });
      // the labels over the picture do not run into each other
      var labels = Array.prototype.slice.call(svg.querySelectorAll('.window-label')).map(function (t) {
        return {text: t.textContent, b: t.getBBox()};
      });
      for (var i = 0; i < labels.length; i++) {
        for (var j = i + 1; j < labels.length; j++) {
          var a = labels[i].b, c = labels[j].b;
          if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height && c.y < a.y + a.height) {
            s.overlapping.push(labels[i].text + ' / ' + labels[j].text);
          }
        }
      }
    });
    out.sections.push(s);
  });
  var pre = document.createElement('pre');
  pre.id = 'mirrordrill-probe';
  pre.style.display = 'none';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
