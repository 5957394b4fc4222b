package demo

// Owner names: Bantenese, Sundanese and Javanese given names, with second
// names and the honorifics people use on shop signs. Order matters: the
// generator indexes these slices, so changing them changes the demo.
var (
	maleNames = []string{
		"Asep", "Ujang", "Dadang", "Cecep", "Jajang", "Encep", "Usep", "Engkos", "Maman", "Odih",
		"Yayat", "Dedi", "Wawan", "Iwan", "Ade", "Endang", "Aceng", "Dudung", "Agus", "Budi",
		"Slamet", "Bambang", "Joko", "Sugeng", "Teguh", "Wahyu", "Suparman", "Sutrisno", "Ahmad", "Muhammad",
		"Rohmat", "Sarip", "Jaenudin", "Mulyadi", "Suryadi", "Saepudin", "Samsudin", "Sukri", "Jamhari", "Mamat",
		"Rahmat", "Hasanudin", "Sahroni", "Ubaidillah", "Fathurrohman", "Nawawi", "Sanwani", "Arip", "Juhdi", "Komarudin",
	}
	femaleNames = []string{
		"Siti", "Nurhayati", "Euis", "Imas", "Neneng", "Iis", "Dewi", "Sri", "Wati", "Tati",
		"Enok", "Eneng", "Yuyun", "Rohaeti", "Sumiati", "Lilis", "Titin", "Entin", "Ai", "Eha",
		"Aisyah", "Fatimah", "Rukmini", "Winarsih", "Sulastri", "Endah", "Ratna", "Yeni", "Nining", "Cucu",
		"Oom", "Iyah", "Mulyati", "Khoeriyah", "Masitoh", "Jubaedah", "Rohimah", "Sarinah", "Sukaesih", "Tuti",
		"Ningsih", "Suharti", "Warsini", "Rahayu", "Mariam", "Nurlela", "Hasanah", "Umayah", "Ela", "Uum",
	}
	maleSecond = []string{
		"Suryana", "Hidayat", "Supriatna", "Setiawan", "Kurniawan", "Maulana", "Jaelani", "Sobari", "Sumarna", "Permana",
		"Saputra", "Wibowo", "Santoso", "Prasetyo", "Nugroho", "Hermawan", "Sudrajat", "Rusmana", "Junaedi", "Syarifudin",
		"Mubarok", "Fauzi", "Ramdani", "Gunawan", "Sukmana",
	}
	femaleSecond = []string{
		"Rahmawati", "Nurjanah", "Komalasari", "Handayani", "Susilawati", "Lestari", "Maesaroh", "Komariah", "Sumarni", "Kurniasih",
		"Fitriani", "Yuliani", "Purwanti", "Wulandari", "Rosita", "Nuraeni", "Hayati", "Marlina", "Sari", "Rohayati",
		"Mulyani", "Halimah", "Setiawati", "Suryani", "Khodijah",
	}
	// Shop-sign honorifics: Indonesian, Sundanese (Ceu, Teh, Mang, Kang, Abah) and Javanese (Mbok, Mas).
	maleHonor   = []string{"Pak", "Pak", "Mang", "Kang", "Abah", "Mas", "H."}
	femaleHonor = []string{"Bu", "Bu", "Ceu", "Teh", "Mak", "Mbok", "Hj."}

	brandWords = []string{
		"Berkah", "Barokah", "Sari Rasa", "Mekar Jaya", "Sinar Banten", "Putri Serang", "Rizki", "Mandiri", "Sejahtera",
		"Maju Jaya", "Al-Fath", "Dua Putri", "Cahaya", "Sumber Rezeki", "Bintang", "Citra", "Jawara", "Kaibon",
		"Surosowan", "Banten Lama", "Pusaka", "Tiga Saudara", "Amanah", "Sakinah", "Lancar Jaya", "Karya Mandiri",
		"Sri Rejeki", "Anugrah", "Ciung Wanara", "Kencana", "Mutiara", "Harapan Kita", "Ratu Bagus", "Mulya",
	}
	kampung = []string{
		"Babakan", "Cilaku", "Pasir", "Sukamaju", "Cibeber", "Kaujon", "Pabuaran", "Kebon Jeruk", "Cikoneng", "Bojong",
		"Sindang", "Tegal", "Pasar", "Kramat", "Kadu", "Cipare", "Kalapa", "Gardu", "Karang", "Leuwi",
		"Muara", "Pesisir", "Masjid", "Kubang", "Sawah", "Tanjung", "Pakuncen", "Lebak", "Kebon", "Ciherang",
	}
	emailDomains = []string{"gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com"}
	phonePrefix  = []string{"812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896", "881"}
)
