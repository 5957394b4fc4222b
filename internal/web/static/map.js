// The home page's kecamatan map: hovering (or a first tap on a touch
// screen) shows a kecamatan's figures beside the map; a click, or a second
// tap on the same kecamatan, opens its list of businesses. Without this
// script every kecamatan is a plain link and the table below has the figures.
(function () {
  var info = document.getElementById('map-info');
  if (!info) return;
  var regions = document.querySelectorAll('svg.choropleth a.kec');
  var selected = null, lastPointer = 'mouse';
  function show(a) {
    if (selected) selected.classList.remove('selected');
    selected = a;
    a.classList.add('selected');
    var d = a.dataset;
    info.innerHTML = '';
    var h = document.createElement('h3');
    h.textContent = d.name;
    var dl = document.createElement('dl');
    [['Nilai indikator', d.value], ['Usaha', d.businesses], ['Pernah dilatih', d.trained],
     ['Naik kelas 12 bulan', d.naik], ['Bersertifikat halal', d.halal]].forEach(function (row) {
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = row[0];
      dd.textContent = row[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    var link = document.createElement('a');
    link.href = a.getAttribute('href');
    link.className = 'button';
    link.textContent = 'Buka daftar usaha ' + d.name;
    info.appendChild(h);
    info.appendChild(dl);
    info.appendChild(link);
  }
  regions.forEach(function (a) {
    a.addEventListener('pointerdown', function (e) { lastPointer = e.pointerType; });
    a.addEventListener('mouseenter', function () { show(a); });
    a.addEventListener('focus', function () { show(a); });
    a.addEventListener('click', function (e) {
      if (lastPointer === 'touch' && selected !== a) {
        e.preventDefault();
        show(a);
      }
    });
  });
})();
