// Progressive enhancement only (every page works without it): on narrow screens, side panels start folded so the
// results or the report text come first; the reader can still open them.
(function () {
  'use strict';
  if (window.matchMedia && window.matchMedia('(max-width: 900px)').matches) {
    var panels = document.querySelectorAll('details.facet-panel, details.outline-panel, details.jump-panel');
    for (var i = 0; i < panels.length; i++) {
      panels[i].removeAttribute('open');
    }
  }
}());
