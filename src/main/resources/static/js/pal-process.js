// The process dashboard's diagram: bpmn-js draws the process and each element gets its counts as overlays.
// The same numbers are in the table under it, which is what screen readers and keyboards use.
(function () {
  const container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  const counts = JSON.parse(document.getElementById('diagram-counts').textContent);
  const viewer = new window.BpmnJS({ container: container });

  function badge(kind, count, label) {
    return '<span class="pal-badge pal-badge--' + kind + '" title="' + count + ' ' + label + '">' + count + '</span>';
  }

  function overlay(overlays, elementId, kind, position, count, label) {
    try {
      overlays.add(elementId, 'pal-' + kind, { position: position, html: badge(kind, count, label) });
    } catch (notDrawn) {
      // An element without a shape in the diagram has its numbers in the table only.
    }
  }

  fetch(container.dataset.diagram, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      const canvas = viewer.get('canvas');
      const overlays = viewer.get('overlays');
      canvas.zoom('fit-viewport');
      counts.forEach(function (line) {
        if (line.waiting > 0) {
          overlay(overlays, line.elementId, 'waiting', { bottom: 10, left: -8 }, line.waiting, 'waiting');
        }
        if (line.incidents > 0) {
          overlay(overlays, line.elementId, 'incidents', { bottom: 10, right: 8 }, line.incidents, 'incidents');
        }
        if (line.completed > 0) {
          overlay(overlays, line.elementId, 'completed', { top: -10, right: 8 }, line.completed, 'completed');
        }
        if (line.pastDeadline > 0) {
          try { canvas.addMarker(line.elementId, 'pal-late'); } catch (notDrawn) { /* table only */ }
        }
      });
      container.dataset.ready = 'true';
    });

  const toggle = document.getElementById('show-completed');
  function showCompleted() {
    container.classList.toggle('pal-diagram--completed', toggle.checked);
  }
  toggle.addEventListener('change', showCompleted);
  showCompleted();

  viewer.get('eventBus').on('element.click', function (event) {
    const line = counts.find(function (candidate) { return candidate.elementId === event.element.id; });
    if (line && line.waiting > 0) {
      window.htmx.ajax('GET', container.dataset.cases + encodeURIComponent(line.elementId),
        { target: '#element-cases', swap: 'outerHTML' });
    }
  });
})();
