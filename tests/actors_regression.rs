//! A regression test, not a measure of unseen text: actors on articles about other stories
//! (business, Irish and Nordic politics, football, the EU, tech, a storm, a court case),
//! against the list a careful reader would make, per article. Every batch was tuned on after
//! its first contact, so these figures only guard against losing what once worked; the blind
//! set (`tests/actors_blind.rs`) and the labelled data measure unseen text.
//!
//! The lists were written with the articles, before running the extractor on
//! them. The rules were tuned on the first eight; the next five and the last
//! four were written later and first scored untouched (mean precision/recall
//! 0.77/0.81, then 0.87/0.88) before their general lessons went into the rules.
//!
//! Matching: an extracted actor matches an expected one when its name or any
//! alias is one of the expected spellings and the kinds agree. A second actor
//! matching the same expected one is a split and counts as wrong; an actor
//! matching nothing counts as wrong unless it is listed as optional.

use std::collections::HashMap;
use std::path::PathBuf;

use ActorKind::{Organization as Org, Person, Place};
use dossier::{ActorKind, Corpus};

/// One expected actor: accepted spellings ("A|B", first is the canonical
/// name), kind, and spellings that must end up merged into it.
type Want = (&'static str, ActorKind, &'static [&'static str]);

/// One regression article and what it must yield.
struct Case {
    file: &'static str,
    want: &'static [Want],
    /// Debatable actors: neither required nor counted against precision.
    optional: &'static [&'static str],
    /// Words that must appear in no actor name or alias.
    absent: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        file: "ryanair_results",
        want: &[
            // The agency dateline's place and agency.
            ("Reuters", Org, &[]),
            ("Ryanair Holdings|Ryanair", Org, &["Ryanair"]),
            ("Michael O'Leary", Person, &["O'Leary"]),
            ("Boeing", Org, &[]),
            ("Europe", Place, &["European"]),
            ("Dublin", Place, &[]),
            ("easyJet", Org, &[]),
            ("Wizz Air", Org, &[]),
            ("Neil Sorahan", Person, &[]),
            ("Jefferies", Org, &[]),
            ("Harriet Mallowney-Brooks", Person, &[]),
            ("Morgan Stanley", Org, &[]),
            ("Lufthansa", Org, &[]),
            ("Air France-KLM", Org, &[]),
            ("Cathal Breathnach-Ryan", Person, &[]),
            ("Goodbody Stockbrokers|Goodbody", Org, &[]),
            ("Irish Aviation Authority", Org, &["IAA"]),
            ("Dublin Airport", Place, &[]),
            ("Simon Harris", Person, &[]),
            ("Italy", Place, &["Italian"]),
            ("AGCM", Org, &[]),
            ("European Commission", Org, &[]),
            ("Comac", Org, &[]),
            ("China", Place, &["Chinese"]),
        ],
        optional: &[],
        absent: &[
            "GMT",
            "MAX",
            "Monday",
            "May",
            "September",
            "Taoiseach",
            "Mr",
            "Fares",
            "Consumers",
            "Analysts",
            "Shares",
            "Weaker",
        ],
    },
    Case {
        file: "irish_debate",
        want: &[
            ("Simon Harris", Person, &["Harris"]),
            ("Micheál Martin", Person, &["Martin"]),
            ("Sinn Féin", Org, &[]),
            ("Mary Lou McDonald", Person, &["McDonald"]),
            ("RTÉ", Org, &[]),
            ("Donnybrook", Place, &[]),
            ("The Irish Times|Irish Times", Org, &["Irish Times"]),
            ("Ipsos B&A|Ipsos", Org, &[]),
            ("Fine Gael", Org, &[]),
            ("Fianna Fáil", Org, &[]),
            ("Social Democrats", Org, &[]),
            ("Labour Party|Labour", Org, &[]),
            ("Donegal", Place, &[]),
            ("Kerry", Place, &[]),
            ("Cork South-Central|Cork", Place, &[]),
            ("Pearse Doherty", Person, &[]),
            ("Michael Healy-Rae", Person, &[]),
            ("Dublin", Place, &[]),
            ("Siobhán Ní Bhriain", Person, &["Ní Bhriain"]),
            ("Galway West|Galway", Place, &[]),
            ("Connemara", Place, &[]),
            ("Australia", Place, &[]),
            ("Canada", Place, &[]),
            ("Ivana Bacik", Person, &[]),
            ("Dáil", Org, &[]),
            ("Electoral Commission", Org, &[]),
            ("Holly Cairns", Person, &[]),
        ],
        optional: &[],
        absent: &[
            "Taoiseach",
            "Tánaiste",
            "Thursday",
            "November",
            "March",
            "Outside",
            "Voters",
            "TD",
            "Ms",
            "Mr",
        ],
    },
    Case {
        file: "nordic_summit",
        want: &[
            // The agency dateline's place and agency.
            ("Reykjavik", Place, &[]),
            ("Reuters", Org, &[]),
            ("Norway", Place, &[]),
            ("Jonas Gahr Støre", Person, &["Støre"]),
            ("Sweden", Place, &["Swedish"]),
            ("Ulf Kristersson", Person, &["Kristersson"]),
            ("High North", Place, &[]),
            ("Iceland", Place, &[]),
            ("Nordic Council", Org, &[]),
            ("Russia", Place, &["Russian"]),
            ("Svalbard", Place, &[]),
            ("Finland", Place, &["Finnish"]),
            ("NATO", Org, &[]),
            ("Alexander Stubb", Person, &[]),
            ("Denmark", Place, &["Danish"]),
            ("Mette Frederiksen", Person, &["Frederiksen"]),
            ("Harpa", Place, &[]),
            ("Riksdag", Org, &[]),
            ("Sweden Democrats", Org, &[]),
            ("Oslo", Place, &[]),
            ("Centre Party", Org, &[]),
            ("Kari Nordmann-Lie", Person, &["Nordmann-Lie"]),
            ("Storting", Org, &[]),
            ("Troms", Place, &[]),
            ("Sami Parliament", Org, &[]),
            ("Kautokeino", Place, &[]),
            ("Sanna Marin", Person, &["Marin"]),
            ("Tony Blair Institute for Global Change", Org, &[]),
            ("Helsingin Sanomat", Org, &[]),
            ("Helsinki", Place, &[]),
            ("Stockholm", Place, &[]),
            ("Equinor ASA|Equinor", Org, &[]),
            ("Northvolt", Org, &[]),
            ("Skellefteå", Place, &[]),
            ("Copenhagen", Place, &[]),
            ("Bjarni Benediktsson", Person, &[]),
            ("Keflavík", Place, &[]),
            ("Faroe Islands", Place, &[]),
            ("Greenland", Place, &[]),
            ("Åland", Place, &[]),
        ],
        optional: &["Nordic countries", "Nordic"],
        absent: &["Tuesday", "December", "Prime", "President", "Former"],
    },
    Case {
        file: "city_villa",
        want: &[
            // The agency dateline's place and agency.
            ("Manchester", Place, &[]),
            ("England", Place, &[]),
            ("Associated Press", Org, &[]),
            ("Erling Haaland|Erling", Person, &["Haaland"]),
            ("Manchester City", Org, &["City"]),
            ("Aston Villa", Org, &["Villa"]),
            ("Etihad Stadium", Place, &[]),
            ("Pep Guardiola", Person, &["Guardiola"]),
            ("Ollie Watkins", Person, &[]),
            ("Rúben Dias", Person, &[]),
            ("Ederson", Person, &[]),
            ("Kevin De Bruyne", Person, &[]),
            ("Norway", Place, &[]),
            ("Ezri Konsa", Person, &["Konsa"]),
            ("Phil Foden", Person, &[]),
            ("Oscar Bobb", Person, &[]),
            ("Premier League", Org, &[]),
            ("Liverpool", Org, &[]),
            ("Everton", Org, &[]),
            ("Goodison Park", Place, &[]),
            ("Arsenal", Org, &[]),
            ("Fulham", Org, &[]),
            ("Craven Cottage", Place, &[]),
            ("Unai Emery", Person, &["Emery"]),
            ("Sky Sports", Org, &[]),
            ("Mohamed Salah", Person, &[]),
            ("Professional Footballers' Association", Org, &[]),
            ("Rodri", Person, &[]),
            ("John Stones", Person, &["Stones"]),
            ("Manchester United", Org, &[]),
            ("Old Trafford", Place, &[]),
            ("Ireland", Place, &["Irish"]),
            ("Darragh Ó Conchubhair", Person, &["Ó Conchubhair"]),
            ("Kerry|County Kerry", Place, &[]),
            ("Shamrock Rovers", Org, &[]),
        ],
        // "The Spaniard" is Guardiola, not a mention of Spain; the Champions
        // League is a competition as much as a body.
        optional: &["Spain", "Champions League"],
        absent: &["Saturday", "Sunday", "November", "Substitute", "Young"],
    },
    Case {
        file: "eu_dma",
        want: &[
            // The agency dateline's place and agency.
            ("Associated Press", Org, &[]),
            ("European Commission", Org, &["Commission"]),
            ("Apple", Org, &[]),
            ("Google", Org, &[]),
            ("Alphabet", Org, &[]),
            ("Meta Platforms", Org, &["Meta"]),
            ("Margrethe Vestager", Person, &["Vestager"]),
            ("Brussels", Place, &[]),
            ("Thierry Breton", Person, &[]),
            ("Ursula von der Leyen", Person, &["Von der Leyen"]),
            ("European People's Party", Org, &[]),
            ("European Parliament", Org, &[]),
            ("European Union", Org, &["EU"]),
            ("Court of Justice of the European Union", Org, &[]),
            ("Europe", Place, &[]),
            (
                "Data Protection Commission|Irish Data Protection Commission",
                Org,
                &[],
            ),
            ("Dublin", Place, &[]),
            ("Ireland", Place, &[]),
            ("Leo Varadkar", Person, &[]),
            ("BEUC", Org, &[]),
            ("Agustín Reyna", Person, &[]),
            ("Germany", Place, &["German"]),
            ("Robert Habeck", Person, &[]),
            ("Berlin", Place, &[]),
            ("France", Place, &["French"]),
            ("Paris", Place, &[]),
            ("Netherlands", Place, &["Dutch"]),
            ("Kim van Sparrentak", Person, &[]),
            ("Greens", Org, &[]),
            ("Hungary", Place, &["Hungarian"]),
            ("Zsófia Gergely-Tóth", Person, &[]),
            ("Fidesz", Org, &[]),
        ],
        optional: &[],
        absent: &[
            "Digital Markets Act",
            "DMA",
            "Big Tech",
            "Google Search",
            "MEPs",
            "Monday",
            "June",
            "Taoiseach",
        ],
    },
    Case {
        file: "openai_funding",
        want: &[
            // The agency dateline's place and agency.
            ("San Francisco", Place, &[]),
            ("Reuters", Org, &[]),
            ("OpenAI", Org, &[]),
            ("Thrive Capital", Org, &[]),
            ("Microsoft", Org, &[]),
            ("Nvidia", Org, &[]),
            ("SoftBank Group|SoftBank", Org, &[]),
            ("Apple", Org, &[]),
            ("Sam Altman", Person, &["Altman"]),
            ("Mira Murati", Person, &[]),
            ("Securities and Exchange Commission", Org, &["SEC"]),
            ("Gary Gensler", Person, &[]),
            ("Washington", Place, &[]),
            ("Delphia", Org, &[]),
            ("Global Predictions", Org, &[]),
            ("Priya Venkataraman", Person, &[]),
            ("Kessler Whitcombe LLP|Kessler Whitcombe", Org, &[]),
            ("New York", Place, &[]),
            ("Federal Trade Commission", Org, &[]),
            ("Amazon", Org, &[]),
            ("Anthropic", Org, &[]),
            ("Jensen Huang", Person, &[]),
            ("Santa Clara", Place, &[]),
            ("California", Place, &[]),
            ("Daniel Ives", Person, &["Ives"]),
            ("Wedbush Securities", Org, &[]),
            ("The New York Times", Org, &[]),
            ("Elon Musk", Person, &[]),
            ("xAI", Org, &[]),
        ],
        optional: &[],
        absent: &[
            "ChatGPT",
            "Blackwell",
            "AI",
            "Wednesday",
            "March",
            "Chief",
            "Chair",
        ],
    },
    Case {
        file: "sweden_storm",
        want: &[
            // The agency dateline's place and agency.
            ("TT", Org, &[]),
            ("Sweden", Place, &[]),
            (
                "Swedish Meteorological and Hydrological Institute",
                Org,
                &["SMHI"],
            ),
            ("Gävleborg", Place, &[]),
            ("Linnea Åkesson", Person, &[]),
            ("Västernorrland", Place, &[]),
            ("Jämtland", Place, &[]),
            ("Ellevio", Org, &[]),
            ("Hudiksvall", Place, &[]),
            ("Söderhamn", Place, &[]),
            ("Vattenfall", Org, &[]),
            ("Dalarna", Place, &[]),
            ("Swedish Transport Administration", Org, &["Trafikverket"]),
            ("Gävle", Place, &[]),
            ("SJ", Org, &[]),
            ("Stockholm", Place, &[]),
            ("Sundsvall", Place, &[]),
            ("Arlanda", Place, &[]),
            ("Ljusdal", Place, &[]),
            ("Jörgen Bäckström", Person, &["Bäckström"]),
            ("Hälsingland", Place, &[]),
            ("Swedish Civil Contingencies Agency", Org, &["MSB"]),
            ("Mikael Frisell", Person, &[]),
            ("Norrland", Place, &[]),
            ("Carl-Oskar Bohlin", Person, &["Bohlin"]),
            ("Swedish Red Cross|Red Cross", Org, &[]),
            ("Gefle Dagblad", Org, &[]),
            ("Norway", Place, &[]),
            ("Norwegian Meteorological Institute", Org, &[]),
            ("Trøndelag", Place, &[]),
            ("Innlandet", Place, &[]),
        ],
        optional: &["E4"],
        absent: &[
            "Sunday",
            "Tuesday",
            "Civil Defence Minister",
            "Tens",
            "Grid",
            "Neighbouring",
            "Snow",
        ],
    },
    Case {
        file: "mowi_appeal",
        want: &[
            // The agency dateline's place and agency.
            ("NTB", Org, &[]),
            ("Norway", Place, &["Norwegian"]),
            ("Mowi ASA|Mowi", Org, &["Mowi"]),
            ("Frøya", Place, &[]),
            ("Frostating Court of Appeal", Org, &[]),
            ("Supreme Court of Norway", Org, &[]),
            (
                "Norwegian Directorate of Fisheries|Directorate of Fisheries",
                Org,
                &[],
            ),
            ("Sigrun Øvrebø-Hansen", Person, &["Øvrebø-Hansen"]),
            ("Trondheim", Place, &[]),
            ("Orkla", Place, &[]),
            ("Gaula", Place, &[]),
            ("Ivan Vindheim", Person, &["Vindheim"]),
            ("Oslo", Place, &[]),
            ("Friends of the Earth Norway", Org, &["Naturvernforbundet"]),
            ("Truls Gulowsen", Person, &["Gulowsen"]),
            ("Norwegian Seafood Council", Org, &["NSC"]),
            ("Marianne Sivertsen Næss", Person, &[]),
            ("Jonas Gahr Støre", Person, &["Støre"]),
            ("Conservative Party", Org, &[]),
            ("Erna Solberg", Person, &[]),
            ("Bergen", Place, &[]),
            ("Oslo Stock Exchange", Org, &[]),
            ("SalMar", Org, &[]),
            ("Lerøy Seafood Group", Org, &[]),
        ],
        optional: &[],
        absent: &[
            "Friday",
            "Thursday",
            "Prime Minister",
            "Fisheries Minister",
            "Environmental",
            "Rivals",
            "Shares",
        ],
    },
    // The five below were written after the rules were tuned on the eight
    // above, to see how the rules carry to text they were not made on.
    Case {
        file: "finland_cable",
        want: &[
            // The agency dateline's place and agency.
            ("Reuters", Org, &[]),
            ("Finland", Place, &["Finnish"]),
            ("Estonia", Place, &["Estonian"]),
            ("Petteri Orpo", Person, &["Orpo"]),
            ("Russia", Place, &["Russian"]),
            ("Porvoo", Place, &[]),
            ("Finnish Border Guard", Org, &[]),
            ("Gulf of Finland", Place, &[]),
            ("Helsinki", Place, &[]),
            ("Kristen Michal", Person, &[]),
            ("Ursula von der Leyen", Person, &[]),
            ("European Commission", Org, &[]),
            ("Fingrid", Org, &[]),
            ("Elering", Org, &[]),
            ("Baltic states|Baltics|Baltic", Place, &[]),
            ("Arto Pajunen", Person, &[]),
            ("Finnish Security Intelligence Service", Org, &["Supo"]),
            ("Juha Martelius", Person, &[]),
            ("Tallinn", Place, &[]),
            ("NATO", Org, &[]),
            ("Baltic Sea", Place, &[]),
            ("Kaja Kallas", Person, &[]),
            ("European Union", Org, &[]),
            ("Riikka Purra", Person, &["Purra"]),
            ("Finns Party", Org, &[]),
            ("Jussi Kärkkäinen-Lindqvist", Person, &[]),
            ("Finnish Shipowners' Association", Org, &[]),
            ("Yle", Org, &[]),
            ("Cook Islands", Place, &[]),
        ],
        optional: &["Estlink", "Estlink 2"],
        absent: &[
            "Friday",
            "Wednesday",
            "Prime",
            "Grid",
            "Its",
            "Ports",
            "Investigators",
        ],
    },
    Case {
        file: "novo_earnings",
        want: &[
            // The agency dateline's place and agency.
            ("Reuters", Org, &[]),
            ("Novo Nordisk", Org, &["Novo"]),
            ("United States", Place, &["U.S."]),
            ("Eli Lilly", Org, &["Lilly"]),
            ("Denmark", Place, &["Danish"]),
            ("Lars Fruergaard Jørgensen", Person, &["Jørgensen"]),
            ("Kalundborg", Place, &[]),
            ("Copenhagen", Place, &[]),
            ("Catalent", Org, &[]),
            ("Novo Holdings", Org, &[]),
            ("Novo Nordisk Foundation", Org, &[]),
            ("Federal Trade Commission", Org, &["FTC"]),
            ("European Commission", Org, &[]),
            ("Europe", Place, &[]),
            ("LVMH", Org, &[]),
            ("Mette Kjærgaard-Holm", Person, &["Kjærgaard-Holm"]),
            ("Jyske Bank", Org, &[]),
            ("Silkeborg", Place, &[]),
            ("Donald Trump", Person, &[]),
            (
                "Robert F. Kennedy Jr.|Robert F. Kennedy Jr|Robert F. Kennedy",
                Person,
                &[],
            ),
            ("Department of Health and Human Services", Org, &[]),
            ("Danmarks Nationalbank", Org, &[]),
            ("Bagsværd", Place, &[]),
            ("David Ricks", Person, &[]),
            ("Indianapolis", Place, &[]),
            ("North Carolina", Place, &[]),
            ("Germany", Place, &[]),
        ],
        optional: &[],
        absent: &["Wegovy", "Zepbound", "Wednesday", "February", "President"],
    },
    Case {
        file: "limerick_court",
        want: &[
            ("High Court", Org, &[]),
            ("Foynes Port|Foynes", Place, &["Foynes"]),
            ("Limerick", Place, &[]),
            ("An Bord Pleanála", Org, &[]),
            ("Shannon Estuary", Place, &[]),
            ("Dublin", Place, &[]),
            ("Niamh Hyland", Person, &[]),
            ("Friends of the Shannon", Org, &[]),
            ("Pádraig Mac Con Iomaire", Person, &["Mac Con Iomaire"]),
            ("Glin", Place, &[]),
            ("Shannon Foynes Port Company", Org, &[]),
            ("Patrick Keating", Person, &[]),
            ("Ireland", Place, &[]),
            ("Spain", Place, &[]),
            ("Scotland", Place, &[]),
            ("Four Courts", Place, &[]),
            ("Tarbert", Place, &[]),
            ("Ballylongford", Place, &[]),
            ("Darragh O'Brien", Person, &["O'Brien"]),
            ("Wind Energy Ireland", Org, &[]),
            ("Limerick City and County Council", Org, &[]),
            ("Aoife Ní Shúilleabháin", Person, &[]),
            ("Sinn Féin", Org, &[]),
            ("An Coimisiún Pleanála", Org, &[]),
            ("Paul Hyde", Person, &[]),
        ],
        // "the Government", "the Department": generic references in capitals.
        optional: &["Government", "Department", "State"],
        absent: &["Tuesday", "Justice", "Minister", "Councillor"],
    },
    Case {
        file: "ireland_allblacks",
        want: &[
            ("Andy Farrell", Person, &["Farrell"]),
            ("Ireland", Place, &[]),
            ("New Zealand", Place, &[]),
            ("England", Place, &[]),
            ("Aviva Stadium", Place, &[]),
            ("All Blacks", Org, &[]),
            ("Paris", Place, &[]),
            ("Scott Robertson", Person, &[]),
            ("Leinster", Org, &[]),
            ("James Ryan", Person, &[]),
            ("Munster", Org, &[]),
            ("Cian Ó Murchú", Person, &["Ó Murchú"]),
            ("Glasgow Warriors", Org, &[]),
            ("Dingle", Place, &[]),
            ("Caelan Doris", Person, &["Doris"]),
            ("Scott Barrett", Person, &[]),
            ("Chicago", Place, &[]),
            ("Beauden Barrett", Person, &[]),
            ("Damian McKenzie", Person, &[]),
            ("World Rugby", Org, &[]),
            ("Angus Gardner", Person, &[]),
            ("Australia", Place, &[]),
            ("Irish Rugby Football Union", Org, &["IRFU"]),
            ("Lansdowne Road", Place, &[]),
            ("Argentina", Place, &[]),
            ("British and Irish Lions", Org, &["Lions"]),
        ],
        // "Gaelic football for Kerry" is the county team; the Six Nations a tournament.
        optional: &["Kerry", "Six Nations"],
        absent: &["Thursday", "Friday", "January", "World Cup"],
    },
    Case {
        file: "german_energy",
        want: &[
            // The agency dateline's place and agency.
            ("Reuters", Org, &[]),
            ("Uniper", Org, &[]),
            ("Germany", Place, &["German"]),
            ("Berlin", Place, &[]),
            ("Düsseldorf", Place, &[]),
            ("Michael Lewis", Person, &[]),
            ("Russia", Place, &["Russian"]),
            ("Gazprom", Org, &[]),
            ("Lubmin", Place, &[]),
            ("Mecklenburg-Western Pomerania", Place, &[]),
            (
                "Federal Ministry for Economic Affairs and Climate Action",
                Org,
                &[],
            ),
            ("Robert Habeck", Person, &[]),
            ("Greens", Org, &[]),
            ("European Commission", Org, &[]),
            ("Friedrich Merz", Person, &["Merz"]),
            ("Christian Democratic Union", Org, &["CDU"]),
            ("Bundestag", Org, &[]),
            ("Olaf Scholz", Person, &[]),
            ("Social Democrats", Org, &[]),
            ("Hamburg", Place, &[]),
            ("Munich", Place, &[]),
            ("Henrike Vogelsang-Brandt", Person, &[]),
            ("Kiel Institute for the World Economy", Org, &["IfW"]),
            ("RWE", Org, &[]),
            ("E.ON", Org, &[]),
            ("Markus Krebber", Person, &[]),
            ("North Sea", Place, &[]),
            ("Frankfurt", Place, &[]),
        ],
        // A pipeline and a coast: things and stretches, not quite actors.
        optional: &["Nord Stream", "Baltic"],
        absent: &["Chancellor", "Chief"],
    },
    // And four more, written after all tuning above, for a last first contact.
    Case {
        file: "iceland_eruption",
        want: &[
            // The agency dateline's place and agency.
            ("Associated Press", Org, &[]),
            ("Iceland", Place, &[]),
            ("Reykjanes", Place, &[]),
            ("Grindavík", Place, &[]),
            ("Icelandic Meteorological Office", Org, &[]),
            ("Svartsengi", Place, &[]),
            ("HS Orka", Org, &[]),
            ("Tómas Már Sigurðsson", Person, &[]),
            ("Keflavík", Place, &[]),
            ("Njarðvík", Place, &[]),
            ("Sandgerði", Place, &[]),
            ("Víðir Reynisson", Person, &[]),
            (
                "Department of Civil Protection and Emergency Management",
                Org,
                &[],
            ),
            ("Suðurnes", Place, &[]),
            ("Reykjanesbær", Place, &[]),
            ("Keflavík International Airport", Place, &[]),
            ("Reykjavik", Place, &[]),
            ("Isavia", Org, &[]),
            ("Þórdís Ólafsdóttir", Person, &["Ólafsdóttir"]),
            ("University of Iceland", Org, &[]),
            ("Katrín Jakobsdóttir", Person, &[]),
        ],
        // A spa that is a place and a company.
        optional: &["Blue Lagoon"],
        absent: &["Thursday", "November", "December", "Prime"],
    },
    Case {
        file: "alcaraz_wimbledon",
        want: &[
            // The agency dateline's place and agency.
            ("London", Place, &[]),
            ("Reuters", Org, &[]),
            ("Carlos Alcaraz", Person, &["Alcaraz"]),
            ("Novak Djokovic", Person, &["Djokovic"]),
            ("Centre Court", Place, &[]),
            ("Spain", Place, &[]),
            ("Paris", Place, &[]),
            ("Juan Carlos Ferrero", Person, &[]),
            ("Jannik Sinner", Person, &[]),
            ("Italy", Place, &[]),
            ("Daniil Medvedev", Person, &[]),
            ("All England Club", Org, &[]),
            ("Sally Bolton", Person, &[]),
            ("Lawn Tennis Association", Org, &["LTA"]),
            ("United Kingdom|Britain", Place, &[]),
            ("Barbora Krejčíková", Person, &["Krejčíková"]),
            ("Czech Republic", Place, &[]),
            ("Jasmine Paolini", Person, &[]),
            ("Jana Novotná", Person, &[]),
            ("Rafael Nadal", Person, &["Nadal"]),
        ],
        // Tournaments, a title, and nationalities standing for players.
        optional: &[
            "Wimbledon",
            "French Open",
            "Princess of Wales",
            "Wales",
            "Serbia",
            "Paris Olympics",
            "Olympics",
            // The place inside an event, as the seed test counts "Iran-Iraq War".
            "France",
        ],
        absent: &["Sunday", "Saturday", "Grand Slam"],
    },
    Case {
        file: "asml_exports",
        want: &[
            // The agency dateline's place and agency.
            ("Reuters", Org, &[]),
            ("ASML", Org, &[]),
            ("Netherlands", Place, &["Dutch"]),
            ("Veldhoven", Place, &[]),
            ("Christophe Fouquet", Person, &[]),
            ("Peter Wennink", Person, &[]),
            ("Intel", Org, &[]),
            ("Samsung Electronics|Samsung", Org, &[]),
            ("ING", Org, &[]),
            ("Jefferies", Org, &[]),
            ("China", Place, &["Chinese"]),
            ("Washington", Place, &[]),
            (
                "Commerce Department|U.S. Commerce Department|Department of Commerce",
                Org,
                &[],
            ),
            ("Bureau of Industry and Security", Org, &["BIS"]),
            ("Dirk Beljaarts", Person, &[]),
            ("The Hague", Place, &[]),
            ("NOS", Org, &[]),
            ("ASM International", Org, &[]),
            ("BE Semiconductor Industries", Org, &[]),
            ("Amsterdam", Place, &[]),
            ("Tokyo Electron", Org, &[]),
            ("Japan", Place, &[]),
            ("Taiwan Semiconductor Manufacturing Company", Org, &["TSMC"]),
            ("Lieke van den Berg-Smit", Person, &[]),
            ("Brabant Capital", Org, &[]),
            ("Eindhoven", Place, &[]),
        ],
        // "U.S." only inside "the U.S. Commerce Department".
        optional: &["United States"],
        absent: &["Wednesday", "Thursday", "April", "AI", "Chief"],
    },
    Case {
        file: "us_budget",
        want: &[
            // The agency dateline's place and agency.
            ("Washington", Place, &[]),
            ("Associated Press", Org, &[]),
            ("US Congress|Congress|U.S. Congress", Org, &[]),
            ("House of Representatives", Org, &[]),
            ("Democratic Party", Org, &["Democrats"]),
            ("Republican Party", Org, &["Republicans"]),
            ("US Senate|Senate", Org, &[]),
            ("Joe Biden", Person, &[]),
            ("Mike Johnson", Person, &["Johnson"]),
            ("Donald Trump", Person, &["Trump"]),
            ("Louisiana", Place, &[]),
            ("Capitol", Place, &[]),
            ("Chuck Schumer", Person, &[]),
            ("New York", Place, &[]),
            ("Mitch McConnell", Person, &[]),
            ("Kentucky", Place, &[]),
            ("Secret Service", Org, &[]),
            ("Ronald Rowe", Person, &[]),
            ("Federal Emergency Management Agency", Org, &["FEMA"]),
            ("Heritage Foundation", Org, &[]),
            ("House Freedom Caucus", Org, &[]),
            ("Chip Roy", Person, &[]),
            ("Texas", Place, &[]),
            ("Maya MacGuineas", Person, &[]),
            ("Committee for a Responsible Federal Budget", Org, &[]),
        ],
        // "a Louisiana Republican": a party member, not quite the party; "U.S."
        // only inside "the U.S. Congress".
        optional: &["Republican", "Democrat", "United States"],
        absent: &[
            "Wednesday",
            "Thursday",
            "December",
            "November",
            "Speaker",
            "Majority",
        ],
    },
];

/// Precision and recall every article must reach.
const MIN_PRECISION: f64 = 0.85;
const MIN_RECALL: f64 = 0.85;
/// Mean precision and recall over all articles. These articles were tuned on until the old
/// hand-weighted rules scored about 1.0; the learned decisions score 0.98 / 0.94 here while
/// gaining on text nobody tuned on (blind set F1 0.902 -> 0.915, GUM cross-validation
/// 0.743 -> 0.764), so the guard is set just under today's figure.
const MIN_MEAN: f64 = 0.93;

fn path(file: &str) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/regression/{file}.txt"))
}

fn load(files: &[&str]) -> Corpus {
    let paths: Vec<PathBuf> = files.iter().map(|f| path(f)).collect();
    Corpus::load(&paths, &mut |_| {})
        .expect("regression fixtures load")
        .corpus
}

/// Spellings an actor goes by.
fn spellings(a: &dossier::Actor) -> impl Iterator<Item = &str> {
    std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
}

/// The expected entry (index) an actor answers to, if any.
fn answers(a: &dossier::Actor, want: &[Want]) -> Option<usize> {
    want.iter().position(|(names, _, merged)| {
        spellings(a).any(|s| names.split('|').any(|n| n == s) || merged.contains(&s))
    })
}

/// `needle` appears in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    format!(" {} ", hay.replace(['-', '’', '\''], " ")).contains(&format!(" {needle} "))
}

/// Scores of one article.
#[derive(Default)]
struct Score {
    precision: f64,
    recall: f64,
    problems: Vec<String>,
}

fn score(case: &Case) -> Score {
    let corpus = load(&[case.file]);
    let actors = corpus.actors.actors();
    let mut found = vec![false; case.want.len()];
    let (mut right, mut counted) = (0usize, 0usize);
    let mut problems = Vec::new();
    for a in actors {
        let hit = answers(a, case.want);
        let optional = case.optional.iter().any(|o| spellings(a).any(|s| s == *o));
        if hit.is_none() && optional {
            continue;
        }
        counted += 1;
        let Some(w) = hit else {
            problems.push(format!(
                "unexpected {} ({:?}) {:?}",
                a.name, a.kind, a.aliases
            ));
            continue;
        };
        let (names, kind, merged) = case.want[w];
        if a.kind != kind {
            problems.push(format!("{} is {:?}, want {kind:?}", a.name, a.kind));
            continue;
        }
        if found[w] {
            problems.push(format!("{} split off {names}", a.name));
            continue;
        }
        found[w] = true;
        right += 1;
        for m in merged {
            if !a.aliases.iter().any(|x| x == m) {
                problems.push(format!("{names}: {m:?} not merged ({:?})", a.aliases));
            }
        }
    }
    for (w, ok) in found.iter().enumerate() {
        if !ok {
            problems.push(format!("missing {} ({:?})", case.want[w].0, case.want[w].1));
        }
    }
    for a in actors {
        for bad in case.absent {
            if spellings(a).any(|s| has_words(s, bad)) {
                problems.push(format!("forbidden {bad:?} in {} {:?}", a.name, a.aliases));
            }
        }
    }
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    Score {
        precision: ratio(right, counted),
        recall: ratio(found.iter().filter(|f| **f).count(), case.want.len()),
        problems,
    }
}

#[test]
fn regression_articles_keep_precision_and_recall() {
    let mut failures = Vec::new();
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for case in CASES {
        let s = score(case);
        eprintln!(
            "{:<16} precision {:.2} recall {:.2}",
            case.file, s.precision, s.recall
        );
        for p in &s.problems {
            eprintln!("    {p}");
        }
        p_sum += s.precision;
        r_sum += s.recall;
        if s.precision < MIN_PRECISION || s.recall < MIN_RECALL {
            failures.push(format!(
                "{}: precision {:.2} recall {:.2}",
                case.file, s.precision, s.recall
            ));
        }
        if s.problems.iter().any(|p| p.starts_with("forbidden")) {
            failures.push(format!("{}: forbidden words as actors", case.file));
        }
    }
    let n = CASES.len() as f64;
    let (p_mean, r_mean) = (p_sum / n, r_sum / n);
    eprintln!("mean precision {p_mean:.2} recall {r_mean:.2}");
    if p_mean < MIN_MEAN || r_mean < MIN_MEAN {
        failures.push(format!("mean precision {p_mean:.2} recall {r_mean:.2}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Words that open sentences or name times and roles: never an actor's first word.
const NEVER_FIRST: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "President",
    "Prime",
    "Minister",
    "Taoiseach",
    "Tánaiste",
    "Chancellor",
    "Councillor",
    "Chief",
    "Former",
    "Substitute",
    "Young",
    "Rivals",
    "Neighbouring",
    "Shares",
    "Analysts",
    "Officials",
    "Fans",
    "Snow",
    "Grid",
    "Consumers",
    "Voters",
    "Investigators",
    "Ports",
];

#[test]
fn no_actor_starts_with_a_calendar_word_a_title_or_an_opener() {
    let files: Vec<&str> = CASES.iter().map(|c| c.file).collect();
    let corpus = load(&files);
    let mut bad = Vec::new();
    for a in corpus.actors.actors() {
        for s in spellings(a) {
            let first = s.split([' ', '-']).next().unwrap_or("");
            if NEVER_FIRST.contains(&first) {
                bad.push(format!("{s:?} in {} {:?}", a.name, a.aliases));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The actor holding this spelling, with its index.
fn actor_with<'c>(corpus: &'c Corpus, spelling: &str) -> Option<(usize, &'c dossier::Actor)> {
    corpus
        .actors
        .actors()
        .iter()
        .enumerate()
        .find(|(_, a)| spellings(a).any(|s| s == spelling))
}

#[test]
fn short_forms_and_acronyms_merge_within_articles() {
    let merges: &[(&str, &[&str])] = &[
        ("irish_debate", &["Micheál Martin", "Martin"]),
        ("irish_debate", &["Mary Lou McDonald", "McDonald"]),
        ("irish_debate", &["Simon Harris", "Harris"]),
        ("irish_debate", &["Siobhán Ní Bhriain", "Ní Bhriain"]),
        (
            "openai_funding",
            &["Securities and Exchange Commission", "SEC"],
        ),
        ("openai_funding", &["Sam Altman", "Altman"]),
        (
            "sweden_storm",
            &["Swedish Meteorological and Hydrological Institute", "SMHI"],
        ),
        (
            "sweden_storm",
            &["Swedish Civil Contingencies Agency", "MSB"],
        ),
        ("mowi_appeal", &["Norwegian Seafood Council", "NSC"]),
        ("mowi_appeal", &["Mowi ASA", "Mowi"]),
        ("mowi_appeal", &["Sigrun Øvrebø-Hansen", "Øvrebø-Hansen"]),
        ("ryanair_results", &["Irish Aviation Authority", "IAA"]),
        ("ryanair_results", &["Michael O'Leary", "O'Leary"]),
        ("city_villa", &["Pep Guardiola", "Guardiola"]),
        ("city_villa", &["Darragh Ó Conchubhair", "Ó Conchubhair"]),
        ("eu_dma", &["Ursula von der Leyen", "Von der Leyen"]),
        ("nordic_summit", &["Kari Nordmann-Lie", "Nordmann-Lie"]),
        ("city_villa", &["Manchester City", "City"]),
        ("eu_dma", &["European Commission", "Commission"]),
        (
            "sweden_storm",
            &["Swedish Transport Administration", "Trafikverket"],
        ),
        (
            "finland_cable",
            &["Finnish Security Intelligence Service", "Supo"],
        ),
        ("novo_earnings", &["Novo Nordisk", "Novo"]),
        ("limerick_court", &["Foynes Port", "Foynes"]),
        ("ireland_allblacks", &["Irish Rugby Football Union", "IRFU"]),
        ("ireland_allblacks", &["British and Irish Lions", "Lions"]),
        ("alcaraz_wimbledon", &["Lawn Tennis Association", "LTA"]),
        ("asml_exports", &["Bureau of Industry and Security", "BIS"]),
        (
            "us_budget",
            &["Federal Emergency Management Agency", "FEMA"],
        ),
    ];
    let mut problems = Vec::new();
    for (file, names) in merges {
        let corpus = load(&[file]);
        let ids: Vec<Option<usize>> = names
            .iter()
            .map(|n| actor_with(&corpus, n).map(|(i, _)| i))
            .collect();
        if ids.iter().any(Option::is_none) || ids.windows(2).any(|w| w[0] != w[1]) {
            problems.push(format!("{file}: {names:?} are not one actor ({ids:?})"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_whole_regression_set_merges_across_articles_and_keeps_people_apart() {
    let files: Vec<&str> = CASES.iter().map(|c| c.file).collect();
    let corpus = load(&files);
    let index = &corpus.actors;
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (id, a) in index.actors().iter().enumerate() {
        assert!(by_name.insert(&a.name, id).is_none(), "{} twice", a.name);
    }
    // (spelling, kind, articles it must be found in)
    let across: &[(&str, ActorKind, usize)] = &[
        ("Jonas Gahr Støre", Person, 2),
        ("Simon Harris", Person, 2),
        ("Ursula von der Leyen", Person, 2),
        ("Robert Habeck", Person, 2),
        ("European Commission", Org, 5),
        ("Federal Trade Commission", Org, 2),
        ("Sinn Féin", Org, 2),
        ("NATO", Org, 2),
        ("Apple", Org, 2),
        ("Dublin", Place, 4),
        ("Norway", Place, 4),
        ("Germany", Place, 3),
        ("Helsinki", Place, 2),
        ("Copenhagen", Place, 2),
        ("Oslo", Place, 2),
        ("Stockholm", Place, 2),
    ];
    let mut problems = Vec::new();
    for &(name, kind, n) in across {
        match actor_with(&corpus, name) {
            None => problems.push(format!("missing {name}")),
            Some((id, a)) => {
                if a.kind != kind {
                    problems.push(format!("{name} is {:?}", a.kind));
                }
                let got = index.articles_of(id).len();
                if got != n {
                    problems.push(format!("{name} in {got} articles, want {n}"));
                }
            }
        }
    }
    // Different people who share a first name or a sound stay apart.
    let apart: &[(&str, &str)] = &[
        ("Michael O'Leary", "Michael Healy-Rae"),
        ("Micheál Martin", "Sanna Marin"),
        ("Kari Nordmann-Lie", "Sigrun Øvrebø-Hansen"),
        ("Jonas Gahr Støre", "Erna Solberg"),
        ("Labour Party", "Conservative Party"),
        (
            "Norwegian Meteorological Institute",
            "Swedish Meteorological and Hydrological Institute",
        ),
        ("Google", "Alphabet"),
        ("Novo Nordisk", "Novo Holdings"),
        ("Scott Robertson", "Scott Barrett"),
        ("Dublin", "Dublin Airport"),
        ("European Commission", "Federal Trade Commission"),
    ];
    for (a, b) in apart {
        let (x, y) = (actor_with(&corpus, a), actor_with(&corpus, b));
        match (x, y) {
            (Some((i, _)), Some((j, _))) if i != j => {}
            _ => problems.push(format!("{a} and {b} should be two actors")),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
