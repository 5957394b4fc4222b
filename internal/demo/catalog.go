package demo

// A kind is one line of business the demo can generate: its KBLI code, the
// words its names are built from, and what it sells. Kinds with food set can
// hold P-IRT, BPOM and halal documents.
type kind struct {
	label    string // start of the business name, e.g. "Emping Melinjo"
	sector   string // KBLI category
	kbli     string // KBLI 2020 5-digit code
	category string // product category
	food     bool   // processed food or drink (P-IRT, halal, BPOM apply)
	produced bool   // produced here (P-IRT applies), not only served
	mikroMax bool   // stays mikro: never generated as kecil or menengah
	weight   float64
	boost    map[string]float64 // district code → weight multiplier
	products []product
}

type product struct {
	name   string
	lo, hi int64  // price range in rupiah
	cat    string // category when it differs from the kind's
}

// District groups used by the boosts.
var (
	coastal = map[string]float64{"36.04.12": 8, "36.04.13": 8, "36.04.14": 8} // Pontang, Tirtayasa, Tanara
	hills   = map[string]float64{"36.04.29": 4, "36.04.31": 3, "36.04.32": 3, "36.04.33": 3}
)

// kinds is the demo's catalogue. The weights give roughly C 35%, G 30%,
// I 18%, S 12% and a few A and H, as DOMAIN.md describes the office's UMKM.
var kinds = []kind{
	{label: "Emping Melinjo", sector: "C", kbli: "10794", category: "Makanan", food: true, produced: true, weight: 4,
		boost:    map[string]float64{"36.04.12": 1.5, "36.04.22": 2, "36.04.23": 2},
		products: []product{{"Emping melinjo original 250 g", 20000, 35000, ""}, {"Emping melinjo pedas manis 250 g", 22000, 38000, ""}, {"Emping melinjo mentah 1 kg", 70000, 110000, ""}}},
	{label: "Kerupuk", sector: "C", kbli: "10794", category: "Makanan", food: true, produced: true, weight: 2.5,
		products: []product{{"Kerupuk kulit", 10000, 25000, ""}, {"Kerupuk ikan", 12000, 30000, ""}, {"Kerupuk udang", 15000, 40000, ""}, {"Kerupuk bawang", 8000, 15000, ""}}},
	{label: "Keripik", sector: "C", kbli: "10794", category: "Makanan", food: true, produced: true, weight: 3,
		products: []product{{"Keripik pisang", 10000, 25000, ""}, {"Keripik singkong balado", 8000, 20000, ""}, {"Keripik tempe", 10000, 20000, ""}, {"Keripik talas", 12000, 25000, ""}}},
	{label: "Gipang", sector: "C", kbli: "10799", category: "Makanan", food: true, produced: true, weight: 1.8,
		products: []product{{"Gipang ketan", 10000, 25000, ""}, {"Gipang ketan wijen", 12000, 28000, ""}}},
	{label: "Jojorong", sector: "C", kbli: "10710", category: "Makanan", food: true, produced: true, weight: 1.2,
		products: []product{{"Jojorong (isi 10)", 15000, 30000, ""}, {"Kue jojorong gula aren", 2000, 4000, ""}}},
	{label: "Kue", sector: "C", kbli: "10710", category: "Makanan", food: true, produced: true, weight: 3,
		products: []product{{"Kue kering nastar", 45000, 90000, ""}, {"Kue basah (per dus)", 20000, 50000, ""}, {"Bolu pandan", 30000, 60000, ""}}},
	{label: "Kopi", sector: "C", kbli: "10761", category: "Minuman", food: true, produced: true, weight: 1.2, boost: hills,
		products: []product{{"Kopi robusta bubuk 200 g", 25000, 45000, ""}, {"Kopi biji sangrai 250 g", 40000, 75000, ""}}},
	{label: "Gula Aren", sector: "C", kbli: "10722", category: "Makanan", food: true, produced: true, weight: 1, boost: hills,
		products: []product{{"Gula aren cetak 1 kg", 25000, 40000, ""}, {"Gula aren semut 250 g", 18000, 30000, ""}}},
	{label: "Olahan Ikan", sector: "C", kbli: "10299", category: "Makanan", food: true, produced: true, weight: 0.6, boost: coastal,
		products: []product{{"Ikan asin jambal", 40000, 90000, ""}, {"Otak-otak bandeng", 20000, 40000, ""}, {"Abon ikan 100 g", 25000, 45000, ""}}},
	{label: "Bandeng Presto", sector: "C", kbli: "10299", category: "Makanan", food: true, produced: true, weight: 0.5, boost: coastal,
		products: []product{{"Bandeng presto (isi 2)", 30000, 50000, ""}, {"Bandeng presto vakum", 35000, 60000, ""}}},
	{label: "Sate Bandeng", sector: "C", kbli: "10299", category: "Makanan", food: true, produced: true, weight: 0.6, boost: coastal,
		products: []product{{"Sate bandeng (per tusuk)", 25000, 45000, ""}, {"Sate bandeng frozen", 50000, 90000, ""}}},
	{label: "Minuman Jahe", sector: "C", kbli: "11040", category: "Minuman", food: true, produced: true, weight: 0.8,
		products: []product{{"Jahe merah instan 250 g", 20000, 35000, ""}, {"Sari kunyit asam botol", 8000, 15000, ""}}},
	{label: "Gerabah", sector: "C", kbli: "23931", category: "Kerajinan", weight: 0.05,
		boost:    map[string]float64{"36.04.09": 120},
		products: []product{{"Gentong tanah liat", 60000, 200000, ""}, {"Pot gerabah", 15000, 60000, ""}, {"Celengan gerabah", 10000, 30000, ""}}},
	{label: "Golok", sector: "C", kbli: "25931", category: "Kerajinan", weight: 0.05,
		boost:    map[string]float64{"36.04.27": 110},
		products: []product{{"Golok Ciomas", 250000, 900000, ""}, {"Golok sembelih", 200000, 600000, ""}, {"Sarung golok kayu", 50000, 150000, ""}}},
	{label: "Batik Banten", sector: "C", kbli: "13134", category: "Kerajinan", weight: 0.6,
		products: []product{{"Kain batik Banten tulis", 350000, 1200000, ""}, {"Kain batik Banten cap", 120000, 300000, ""}, {"Kemeja batik", 150000, 350000, ""}}},
	{label: "Anyaman", sector: "C", kbli: "16292", category: "Kerajinan", weight: 1,
		products: []product{{"Tikar pandan", 50000, 150000, ""}, {"Bakul bambu", 15000, 40000, ""}, {"Tas anyaman", 60000, 180000, ""}}},
	{label: "Konveksi", sector: "C", kbli: "14111", category: "Pakaian", weight: 1.8,
		products: []product{{"Kaos sablon", 45000, 90000, ""}, {"Seragam sekolah", 80000, 150000, ""}, {"Gamis", 120000, 250000, ""}}},
	{label: "Mebel", sector: "C", kbli: "31001", category: "Mebel", weight: 0.9,
		products: []product{{"Lemari kayu", 1200000, 3500000, ""}, {"Kursi tamu", 2500000, 6000000, ""}, {"Meja belajar", 400000, 900000, ""}}},
	{label: "Warung", sector: "G", kbli: "47112", category: "Kelontong", weight: 17,
		products: []product{{"Beras 5 kg", 65000, 80000, ""}, {"Minyak goreng 1 L", 16000, 20000, ""}, {"Gula pasir 1 kg", 16000, 19000, ""}, {"Gas elpiji 3 kg", 20000, 25000, ""}}},
	{label: "Toko Pakaian", sector: "G", kbli: "47711", category: "Pakaian", weight: 2,
		products: []product{{"Baju koko", 80000, 180000, ""}, {"Kerudung", 25000, 75000, ""}, {"Sarung", 50000, 150000, ""}}},
	{label: "Konter Pulsa", sector: "G", kbli: "47413", category: "Elektronik", weight: 3, mikroMax: true,
		products: []product{{"Pulsa 25.000", 26000, 27000, ""}, {"Paket data 10 GB", 50000, 70000, ""}, {"Casing HP", 15000, 40000, ""}}},
	{label: "Bengkel Motor", sector: "G", kbli: "45405", category: "Jasa", weight: 3,
		products: []product{{"Servis ringan motor", 40000, 80000, ""}, {"Ganti oli", 45000, 65000, ""}, {"Tambal ban", 10000, 20000, ""}}},
	{label: "Toko Bangunan", sector: "G", kbli: "47521", category: "Bahan bangunan", weight: 1.5,
		products: []product{{"Semen 50 kg", 60000, 75000, ""}, {"Cat tembok 5 kg", 90000, 160000, ""}, {"Paku 1 kg", 20000, 30000, ""}}},
	{label: "Sayur dan Buah", sector: "G", kbli: "47211", category: "Pertanian", weight: 2.5, mikroMax: true,
		products: []product{{"Sayur mayur (ikat)", 3000, 8000, ""}, {"Pisang tanduk (sisir)", 20000, 40000, ""}, {"Melinjo 1 kg", 15000, 30000, ""}}},
	{label: "Warung Makan", sector: "I", kbli: "56102", category: "Makanan", food: true, weight: 7,
		products: []product{{"Nasi rames", 12000, 20000, ""}, {"Nasi uduk", 8000, 15000, ""}, {"Sayur asem", 5000, 10000, ""}, {"Pecak bandeng", 20000, 35000, ""}}},
	{label: "Rabeg", sector: "I", kbli: "56102", category: "Makanan", food: true, weight: 1.5,
		products: []product{{"Rabeg kambing (porsi)", 30000, 55000, ""}, {"Nasi rabeg", 35000, 60000, ""}}},
	{label: "Warung Kopi", sector: "I", kbli: "56303", category: "Minuman", food: true, weight: 4, mikroMax: true,
		products: []product{{"Kopi tubruk", 4000, 8000, ""}, {"Teh manis", 3000, 6000, ""}, {"Gorengan", 1000, 2000, "Makanan"}}},
	{label: "Bakso", sector: "I", kbli: "56104", category: "Makanan", food: true, weight: 3, mikroMax: true,
		products: []product{{"Bakso urat", 15000, 25000, ""}, {"Mie ayam", 12000, 20000, ""}, {"Siomay", 10000, 15000, ""}}},
	{label: "Katering", sector: "I", kbli: "56210", category: "Makanan", food: true, weight: 1.5,
		products: []product{{"Nasi kotak", 25000, 45000, ""}, {"Tumpeng (10 porsi)", 300000, 600000, ""}}},
	{label: "Pangkas Rambut", sector: "S", kbli: "96111", category: "Jasa", weight: 3, mikroMax: true,
		products: []product{{"Potong rambut dewasa", 15000, 30000, ""}, {"Potong rambut anak", 10000, 20000, ""}}},
	{label: "Salon", sector: "S", kbli: "96112", category: "Jasa", weight: 2,
		products: []product{{"Potong dan creambath", 50000, 120000, ""}, {"Rias pengantin", 1500000, 5000000, ""}}},
	{label: "Laundry", sector: "S", kbli: "96200", category: "Jasa", weight: 3,
		products: []product{{"Cuci setrika per kg", 6000, 10000, ""}, {"Cuci bed cover", 25000, 40000, ""}}},
	{label: "Servis Elektronik", sector: "S", kbli: "95120", category: "Jasa", weight: 2, mikroMax: true,
		products: []product{{"Servis HP", 50000, 250000, ""}, {"Servis televisi", 75000, 300000, ""}}},
	{label: "Penjahit", sector: "S", kbli: "95290", category: "Jasa", weight: 2, mikroMax: true,
		products: []product{{"Jahit kebaya", 150000, 400000, ""}, {"Permak celana", 15000, 30000, ""}}},
	{label: "Budidaya Ikan", sector: "A", kbli: "03221", category: "Perikanan", weight: 1.2, boost: coastal,
		products: []product{{"Bandeng segar 1 kg", 30000, 45000, ""}, {"Lele 1 kg", 20000, 28000, ""}, {"Benih nila (100 ekor)", 30000, 60000, ""}}},
	{label: "Ternak Kambing", sector: "A", kbli: "01441", category: "Peternakan", weight: 0.8,
		products: []product{{"Kambing aqiqah", 2000000, 3500000, ""}, {"Susu kambing 1 L", 30000, 50000, ""}}},
	{label: "Jasa Angkut", sector: "H", kbli: "49431", category: "Jasa", weight: 0.8,
		products: []product{{"Angkut barang pikap (per trip)", 150000, 350000, ""}}},
}
