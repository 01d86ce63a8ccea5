"""What each sample file is: its scene, caption, where the caption is stored, its camera.

Every caption here is written by us in an agency's house style (DESIGN.md); the names are
invented, except the one caption quoted verbatim from the user's brief. ``parsed`` holds
what a correct caption parser finds; a key left out is not pinned by the samples.
"""

from __future__ import annotations

from sample_model import BAKHMUT_CAPTION, Sample, camera


def _r(path, scene, seed, caption, parsed, **kw) -> Sample:
    return Sample(path, scene, seed, caption, {"agency": "Reuters", **parsed}, **kw)


CANON_R5 = ("Canon", "Canon EOS R5")
NIKON_Z9 = ("NIKON CORPORATION", "NIKON Z 9")
SONY_A1 = ("SONY", "ILCE-1")

SAMPLES: list[Sample] = [
    # ---------------------------------------------------------------- Reuters
    _r("reuters/bakhmut_smoke.jpg", "smoke", 1, BAKHMUT_CAPTION,
       {"photographer": "Clodagh Kilcoyne", "date": "2023-01-07", "city": "Bakhmut",
        "country": "Ukraine", "file_photo": True},
       store="both", thumbnail=True,
       camera=camera(*CANON_R5, "2023-01-07 13:42:05", offset="+02:00", gps=(48.5953, 38.0003),
                     lens="RF70-200mm F2.8 L IS USM", exposure=(1, 1000), f=8, iso=200,
                     focal=200),
       fields={"headline": "Russia's attack on Ukraine continues", "keywords":
               ["UKRAINE-CRISIS/", "CONFLICT", "FILE PHOTO"], "object_name": "UKRAINE-CRISIS/",
               "region": "Donetsk Region", "instructions": "FILE PHOTO"},
       notes="the caption from the user's brief, verbatim; rich EXIF"),
    _r("reuters/lyon_ferry_drone.jpg", "harbour", 2,
       "A ferry leaves the harbour at dawn in Lyon, France March 5, 2024. Picture taken with a "
       "drone. REUTERS/Ana Costa",
       {"photographer": "Ana Costa", "date": "2024-03-05", "city": "Lyon", "country": "France",
        "drone": True, "file_photo": False},
       camera=camera("DJI", "FC3582", "2024-03-05 07:12:40", offset="+01:00",
                     gps=(45.7640, 4.8357), exposure=(1, 320), f=2.8, iso=100, focal=6.7),
       notes="missing comma before the date; 'Picture taken with a drone'"),
    _r("reuters/soccer_header.jpg", "stadium", 3,
       "Soccer Football - Champions League - Quarter Final - First Leg - Northbridge FC v Porto "
       "Azul - Riverside Stadium, Manchester, Britain - April 9, 2024 Northbridge's Tom Avery "
       "celebrates scoring their first goal REUTERS/Priya Nair",
       {"photographer": "Priya Nair", "date": "2024-04-09", "city": "Manchester",
        "country": "Britain", "file_photo": False},
       camera=camera(*SONY_A1, "2024-04-09 20:31:02", lens="FE 400mm F2.8 GM OSS",
                     exposure=(1, 2000), f=2.8, iso=3200, focal=400),
       notes="sports header"),
    _r("reuters/pool_summit.jpg", "crowd", 4,
       "Leaders pose for a family photo at a summit in Brussels, Belgium, June 27, 2024. "
       "Marek Novak/Pool via REUTERS",
       {"photographer": "Marek Novak", "date": "2024-06-27", "city": "Brussels",
        "country": "Belgium", "pool": True, "file_photo": False},
       camera=camera(*NIKON_Z9, "2024-06-27 11:05:00", offset="+02:00"), latin1=True),
    _r("reuters/handout_volcano.jpg", "night", 5,
       "Lava flows from a volcano near Grindavik, Iceland, November 18, 2023, in this handout "
       "picture. Icelandic Civil Defence/Handout via REUTERS    ATTENTION EDITORS - THIS IMAGE "
       "HAS BEEN SUPPLIED BY A THIRD PARTY. NO RESALES. NO ARCHIVES.",
       {"date": "2023-11-18", "city": "Grindavik", "country": "Iceland", "handout": True,
        "third_party": True, "file_photo": False},
       camera=camera("Apple", "iPhone 15 Pro", "2023-11-18 22:10:31", offset="+00:00")),
    _r("reuters/stringer_flood.jpg", "storm", 6,
       "Residents wade through a flooded street after heavy rains in Karachi, Pakistan, "
       "August 25, 2024. REUTERS/Stringer",
       {"photographer": "Stringer", "date": "2024-08-25", "city": "Karachi",
        "country": "Pakistan", "file_photo": False},
       camera=camera("Canon", "Canon EOS 5D Mark IV", "2024-08-25 16:44:09")),
    _r("reuters/picture_taken.jpg", "desert", 7,
       "Migrants walk along a road near Tapachula, Mexico, October 3, 2024. Picture taken "
       "October 1, 2024. REUTERS/Luis Ortega",
       {"photographer": "Luis Ortega", "date": "2024-10-01", "city": "Tapachula",
        "country": "Mexico", "file_photo": False},
       camera=camera(*CANON_R5, "2024-10-01 09:20:00", offset="-06:00", gps=(14.9060, -92.2630)),
       notes="'Picture taken' date wins over the sentence's date"),
    _r("reuters/wider_image.jpg", "field", 8,
       "A farmer inspects cracked soil in a dry field outside Bulawayo, Zimbabwe, February 12, "
       "2024. REUTERS/Tendai Moyo    SEARCH \"DROUGHT FARMERS\" FOR THIS STORY. SEARCH \"WIDER "
       "IMAGE\" FOR ALL STORIES.",
       {"photographer": "Tendai Moyo", "date": "2024-02-12", "city": "Bulawayo",
        "country": "Zimbabwe", "file_photo": False},
       camera=camera(*NIKON_Z9, "2024-02-12 15:02:11", offset="+02:00"), thumbnail=True),
    _r("reuters/wildfire_partner.jpg", "forest", 9,
       "Firefighters battle a wildfire near Athens, Greece, July 19, 2024. Eurokinissi/Nikos "
       "Pappas via REUTERS  ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY. "
       "GREECE OUT. NO RESALES. NO ARCHIVES.",
       {"photographer": "Nikos Pappas", "date": "2024-07-19", "city": "Athens",
        "country": "Greece", "third_party": True, "file_photo": False},
       camera=camera("Canon", "Canon EOS-1D X Mark III", "2024-07-19 18:30:45")),
    _r("reuters/split_iptc.jpg", "mountains", 10,
       "Climbers make their way along a ridge towards the summit of a mountain near Chamonix, "
       "France, August 14, 2024. The guides said that the warm summer had opened new crevasses "
       "on the glacier below the ridge and that several routes had been closed for the season. "
       "Picture taken August 13, 2024. REUTERS/Ana Costa    SEARCH \"ALPS GLACIERS\" FOR THIS "
       "STORY. SEARCH \"WIDER IMAGE\" FOR ALL STORIES.  TPX IMAGES OF THE DAY",
       {"photographer": "Ana Costa", "date": "2024-08-13", "city": "Chamonix",
        "country": "France", "file_photo": False},
       split=True, camera=camera(*SONY_A1, "2024-08-13 10:02:33", offset="+02:00",
                                 gps=(45.8790, 6.8874)),
       notes="IIM block split across two APP13 segments; Pillow alone cuts it short"),
    _r("reuters/harbour_cranes.jpg", "harbour", 11,
       "Cranes stand over the container terminal at the port of Rotterdam, Netherlands, May 14, "
       "2019. REUTERS/Eva Janssen",
       {"photographer": "Eva Janssen", "date": "2019-05-14", "city": "Rotterdam",
        "country": "Netherlands", "file_photo": False},
       camera=camera(*NIKON_Z9, "2019-05-14 06:40:10", offset="+02:00", gps=(51.9490, 4.1420))),
    _r("reuters/harbour_cranes_file.jpg", "harbour", 11,
       "FILE PHOTO: Cranes stand over the container terminal at the port of Rotterdam, "
       "Netherlands, May 14, 2019. REUTERS/Eva Janssen/File Photo",
       {"photographer": "Eva Janssen", "date": "2019-05-14", "city": "Rotterdam",
        "country": "Netherlands", "file_photo": True},
       camera=camera(*NIKON_Z9, "2019-05-14 06:40:10", offset="+02:00", gps=(51.9490, 4.1420)),
       same_picture_as="reuters/harbour_cranes.jpg", quality=78,
       notes="the picture above re-sent later as a FILE PHOTO: cropped, re-encoded"),
    _r("reuters/credit_typo.jpg", "city", 12,
       "Tourists walk along a bridge in Prague, Czech Republic, July 2, 2024. "
       "RETUERS/Petra Svoboda",
       {"photographer": "Petra Svoboda", "date": "2024-07-02", "city": "Prague",
        "country": "Czech Republic", "file_photo": False},
       camera=camera("FUJIFILM", "X-T4", "2024-07-02 12:00:00"), store="xmp",
       notes="credit typo RETUERS"),
    _r("reuters/rubble_mandatory.jpg", "smoke", 13,
       "Rescue workers search the rubble of a collapsed building in Antakya, Turkey, February "
       "8, 2023. Mandatory credit Turkish Red Crescent/via REUTERS THIS IMAGE HAS BEEN SUPPLIED "
       "BY A THIRD PARTY. MANDATORY CREDIT.",
       {"date": "2023-02-08", "city": "Antakya", "country": "Turkey", "third_party": True,
        "file_photo": False}),
    # ---------------------------------------------------------------- AP
    Sample("ap/springfield_voters.jpg", "crowd", 20,
           "Voters wait outside a school in Springfield, Ill., Tuesday, Sept. 3, 2024. "
           "(AP Photo/Sam Reyes)",
           {"agency": "AP", "photographer": "Sam Reyes", "date": "2024-09-03",
            "city": "Springfield", "file_photo": False},
           camera=camera(*CANON_R5, "2024-08-30 08:15:00", offset="-05:00"),
           notes="camera date 4 days before the caption date: a date conflict"),
    Sample("ap/freeway_file.jpg", "city", 21,
           "FILE - Traffic moves along a freeway in Los Angeles, Calif., Monday, Jan. 8, 2018. "
           "(AP Photo/Dana Whitfield, File)",
           {"agency": "AP", "photographer": "Dana Whitfield", "date": "2018-01-08",
            "city": "Los Angeles", "file_photo": True},
           camera=camera("Canon", "Canon EOS-1D X", "2018-01-08 17:03:12", offset="-08:00",
                         gps=(34.0522, -118.2437))),
    Sample("ap/news_conference_pool.jpg", "crowd", 22,
           "President Maria Lopez speaks during a news conference in New York, Wednesday, "
           "Oct. 16, 2024. (AP Photo/Kenji Watanabe, Pool)",
           {"agency": "AP", "photographer": "Kenji Watanabe", "date": "2024-10-16",
            "city": "New York", "pool": True, "file_photo": False},
           camera=camera(*SONY_A1, "2024-10-16 14:22:09", offset="-04:00")),
    Sample("ap/reykjavik_via_ap.jpg", "harbour", 23,
           "A fishing boat sits in the harbor of Reykjavik, Iceland, Thursday, Nov. 14, 2024. "
           "(Gudrun Einarsdottir/Morgunbladid via AP)",
           {"agency": "AP", "photographer": "Gudrun Einarsdottir", "date": "2024-11-14",
            "city": "Reykjavik", "country": "Iceland", "file_photo": False},
           camera=camera(*NIKON_Z9, "2024-11-14 10:55:00"), store="both"),
    Sample("ap/chicago_snow.jpg", "snow", 24,
           "Snow covers a park in Chicago, Ill., Dec. 19, 2022. (AP Photo/Rob Kowalski)",
           {"agency": "AP", "photographer": "Rob Kowalski", "date": "2022-12-19",
            "city": "Chicago", "file_photo": False},
           camera=camera("Canon", "Canon EOS R3", "2022-12-19 09:01:44", offset="-06:00",
                         gps=(41.8781, -87.6298)), thumbnail=True),
    Sample("ap/sao_paulo_fountain.jpg", "field", 25,
           "Children play in a fountain in São Paulo, Brazil, Friday, Feb. 2, 2024. "
           "(AP Photo/Joaquim Araújo)",
           {"agency": "AP", "photographer": "Joaquim Araújo", "date": "2024-02-02",
            "city": "São Paulo", "country": "Brazil", "file_photo": False},
           latin1=True, camera=camera(*CANON_R5, "2024-02-02 15:30:00", offset="-03:00"),
           notes="Latin-1 IIM without 1:90, accented names"),
    Sample("ap/seoul_disagree.jpg", "city", 26,
           "Commuters cross a street in Seoul, South Korea, Thursday, May 9, 2024. "
           "(AP Photo/Lena Park)",
           {"agency": "AP", "photographer": "Lena Park", "date": "2024-05-09", "city": "Seoul",
            "country": "South Korea", "file_photo": False},
           store="both",
           iptc_caption="Commuters cross a street in Seul , South Korea, Thursday, May 9, 2024. "
                        "(AP Photo/Lena Park)",
           camera=camera(*SONY_A1, "2024-05-09 08:40:00", offset="+09:00"),
           notes="IIM and XMP disagree (a stale IIM mirror): XMP wins, disagreement recorded"),
    # ---------------------------------------------------------------- AFP
    Sample("afp/nairobi_marathon.jpg", "crowd", 30,
           "Runners take part in a marathon in Nairobi, Kenya, on October 27, 2024. "
           "(Photo by Wanjiru KAMAU / AFP)",
           {"agency": "AFP", "photographer": "Wanjiru KAMAU", "date": "2024-10-27",
            "city": "Nairobi", "country": "Kenya", "file_photo": False},
           camera=camera(*CANON_R5, "2024-10-27 07:45:10", offset="+03:00",
                         gps=(6.4550, 3.3841)),
           notes="GPS in Lagos, far from Nairobi: a place conflict"),
    Sample("afp/marseille_topshot.jpg", "city", 31,
           "TOPSHOT - A woman walks past a mural in Marseille, on April 2, 2024. "
           "(Photo by Claire DUBOIS / AFP)",
           {"agency": "AFP", "photographer": "Claire DUBOIS", "date": "2024-04-02",
            "city": "Marseille", "topshot": True, "file_photo": False},
           camera=camera(*NIKON_Z9, "2024-04-02 16:12:00", offset="+02:00"), thumbnail=True,
           notes="no country in the caption"),
    Sample("afp/dubrovnik_old.jpg", "mountains", 32,
           "A general view of the old town of Dubrovnik, Croatia, on August 4, 2015. "
           "(AFP PHOTO / ANTE VUKIC)",
           {"agency": "AFP", "photographer": "ANTE VUKIC", "date": "2015-08-04",
            "city": "Dubrovnik", "country": "Croatia", "file_photo": False},
           camera=camera("NIKON CORPORATION", "NIKON D4S", "2015-08-04 11:30:00"),
           notes="older AFP PHOTO credit in capitals"),
    Sample("afp/iceberg_handout.jpg", "snow", 33,
           "This handout picture released by the Chilean Navy on March 3, 2024 shows an iceberg "
           "near Punta Arenas, Chile. (Photo by Handout / CHILEAN NAVY / AFP) / RESTRICTED TO "
           "EDITORIAL USE - MANDATORY CREDIT \"AFP PHOTO / CHILEAN NAVY\" - NO MARKETING NO "
           "ADVERTISING CAMPAIGNS - DISTRIBUTED AS A SERVICE TO CLIENTS",
           {"agency": "AFP", "handout": True, "country": "Chile", "file_photo": False}),
    Sample("afp/strasbourg_market.jpg", "night", 34,
           "Shoppers browse stalls at a Christmas market in Strasbourg, eastern France, on "
           "December 1, 2023. (Photo by Léa FONTAINE / AFP)",
           {"agency": "AFP", "photographer": "Léa FONTAINE", "date": "2023-12-01",
            "city": "Strasbourg", "file_photo": False},
           store="xmp", camera=camera(*SONY_A1, "2023-12-01 18:20:00", offset="+01:00")),
    # ---------------------------------------------------------------- Getty Images
    Sample("getty/london_rain.jpg", "storm", 40,
           "LONDON, ENGLAND - MARCH 12: Commuters shelter from the rain on a bridge on March 12, "
           "2024 in London, England. (Photo by Oliver Grant/Getty Images)",
           {"agency": "Getty Images", "photographer": "Oliver Grant", "date": "2024-03-12",
            "city": "London", "country": "England", "file_photo": False},
           store="both", camera=camera(*CANON_R5, "2024-03-12 08:10:00", offset="+00:00",
                                       gps=(51.5007, -0.1218))),
    Sample("getty/los_angeles_partner.jpg", "city", 41,
           "LOS ANGELES, CALIFORNIA - JANUARY 9: Palm trees sway in strong winds on January 9, "
           "2025 in Los Angeles, California. (Photo by Maya Chen/Anadolu via Getty Images)",
           {"agency": "Anadolu", "photographer": "Maya Chen", "date": "2025-01-09",
            "city": "Los Angeles", "region": "California", "file_photo": False},
           camera=camera(*SONY_A1, "2025-01-09 13:00:00", offset="-08:00")),
    Sample("getty/buenos_aires_stacked.jpg", "crowd", 42,
           "People celebrate on the streets of Buenos Aires, Argentina, on December 18, 2022. "
           "(Photo by Tomas RIVERA / AFP) (Photo by TOMAS RIVERA/AFP via Getty Images)",
           {"photographer": "Tomas RIVERA", "date": "2022-12-18", "city": "Buenos Aires",
            "country": "Argentina", "file_photo": False},
           camera=camera(*NIKON_Z9, "2022-12-18 19:40:00", offset="-03:00"),
           notes="stacked AFP and Getty credits: agency not pinned"),
    Sample("getty/sydney_fireworks.jpg", "night", 43,
           "SYDNEY, AUSTRALIA - DECEMBER 31: Fireworks light up the sky over the harbour on "
           "December 31, 2023 in Sydney, Australia. (Photo by Jack Morrison/Getty Images)",
           {"agency": "Getty Images", "photographer": "Jack Morrison", "date": "2023-12-31",
            "city": "Sydney", "country": "Australia", "file_photo": False},
           thumbnail=True, camera=camera("Canon", "Canon EOS R3", "2024-01-01 00:00:12",
                                         offset="+11:00", gps=(-33.8568, 151.2153),
                                         exposure=(4, 1), f=11, iso=100, focal=24)),
    # ---------------------------------------------------------------- EPA-EFE
    Sample("epa/madrid_march.jpg", "crowd", 50,
           "epa11234567 Demonstrators march through the city centre of Madrid, Spain, 14 March "
           "2024. The protest was called by teachers' unions. EPA-EFE/JUAN CARLOS MORENO",
           {"agency": "EPA-EFE", "photographer": "JUAN CARLOS MORENO", "date": "2024-03-14",
            "city": "Madrid", "country": "Spain", "file_photo": False},
           camera=camera(*CANON_R5, "2024-03-14 12:30:00", offset="+01:00")),
    Sample("epa/budapest_tram.jpg", "city", 51,
           "A tram crosses a bridge in Budapest, Hungary, 05 October 2016. EPA/ISTVAN KERTESZ",
           {"agency": "EPA-EFE", "photographer": "ISTVAN KERTESZ", "date": "2016-10-05",
            "city": "Budapest", "country": "Hungary", "file_photo": False},
           camera=camera("NIKON CORPORATION", "NIKON D5", "2016-10-05 09:14:00")),
    Sample("epa/kitzbuehel_shutterstock.jpg", "snow", 52,
           "Skiers ride a chairlift in Kitzbuehel, Austria, 20 January 2024. "
           "ANNA HUBER/EPA-EFE/Shutterstock",
           {"agency": "EPA-EFE", "photographer": "ANNA HUBER", "date": "2024-01-20",
            "city": "Kitzbuehel", "country": "Austria", "file_photo": False},
           camera=camera(*SONY_A1, "2024-01-20 11:11:11", offset="+01:00")),
    Sample("epa/santiago_pilgrims.jpg", "crowd", 53,
           "Pilgrims gather in front of the cathedral of Santiago de Compostela, Spain, 25 July "
           "2023. EPA-EFE/MARÍA LÓPEZ",
           {"agency": "EPA-EFE", "photographer": "MARÍA LÓPEZ", "date": "2023-07-25",
            "city": "Santiago de Compostela", "country": "Spain", "file_photo": False},
           latin1=True, camera=camera(*CANON_R5, "2023-07-25 12:00:00")),
    # ---------------------------------------------------------------- Xinhua
    Sample("xinhua/beijing_lanterns.jpg", "night", 60,
           "CHINA-BEIJING-SPRING FESTIVAL-LANTERNS (240208) -- BEIJING, Feb. 8, 2024 (Xinhua) -- "
           "People view lanterns at a park in Beijing, capital of China, Feb. 7, 2024. "
           "(Xinhua/Zhang Wei)",
           {"agency": "Xinhua", "photographer": "Zhang Wei", "date": "2024-02-07",
            "sent_date": "2024-02-08", "city": "Beijing", "country": "China",
            "file_photo": False},
           camera=camera(*NIKON_Z9, "2024-02-07 19:30:00", offset="+08:00",
                         gps=(39.9042, 116.4074))),
    Sample("xinhua/nairobi_expo.jpg", "crowd", 61,
           "KENYA-NAIROBI-TECH EXPO (231115) -- NAIROBI, Nov. 15, 2023 (Xinhua) -- Visitors look "
           "at drones at a technology expo in Nairobi, Kenya, Nov. 14, 2023. "
           "(Photo by Peter Otieno/Xinhua)",
           {"agency": "Xinhua", "photographer": "Peter Otieno", "date": "2023-11-14",
            "sent_date": "2023-11-15", "city": "Nairobi", "country": "Kenya",
            "file_photo": False},
           store="xmp", camera=camera(*CANON_R5, "2023-11-14 10:00:00", offset="+03:00")),
    # ---------------------------------------------------------------- dpa
    Sample("dpa/hamburg_hafen.jpg", "harbour", 70,
           "12.04.2024, Hamburg: Ein Containerschiff fährt am frühen Morgen in den Hafen ein. "
           "+++ dpa-Bildfunk +++",
           {"agency": "dpa", "date": "2024-04-12", "city": "Hamburg", "file_photo": False},
           fields={"byline": "Jana Beck", "credit": "picture alliance/dpa"},
           camera=camera(*CANON_R5, "2024-04-12 06:20:00", offset="+02:00"),
           notes="the photographer is only in the IPTC By-line"),
    Sample("dpa/muenchen_wiesn.jpg", "crowd", 71,
           "03.10.2023, Bayern, München: Besucher stoßen im Festzelt auf dem Oktoberfest an. "
           "+++ dpa-Bildfunk +++",
           {"agency": "dpa", "date": "2023-10-03", "city": "München", "file_photo": False},
           fields={"byline": "Felix Wagner", "credit": "picture alliance/dpa"}, latin1=True,
           camera=camera(*SONY_A1, "2023-10-03 15:00:00", offset="+02:00")),
    Sample("dpa/nauen_via_ap.jpg", "field", 72,
           "Wind turbines stand in a field near Nauen, Germany, Monday, Jan. 15, 2024. "
           "(Lukas Schmid/dpa via AP)",
           {"photographer": "Lukas Schmid", "date": "2024-01-15", "city": "Nauen",
            "country": "Germany", "file_photo": False},
           camera=camera(*NIKON_Z9, "2024-01-15 10:10:10", offset="+01:00"),
           notes="dpa relayed by AP: agency not pinned"),
    # ---------------------------------------------------------------- Bloomberg
    Sample("bloomberg/tokyo_crossing.jpg", "city", 80,
           "Pedestrians cross an intersection in the Shibuya district of Tokyo, Japan, on "
           "Friday, June 7, 2024. Photographer: Hiroshi Tanaka/Bloomberg",
           {"agency": "Bloomberg", "photographer": "Hiroshi Tanaka", "date": "2024-06-07",
            "city": "Tokyo", "country": "Japan", "file_photo": False},
           camera=camera(*SONY_A1, "2024-06-07 18:00:00", offset="+09:00",
                         gps=(35.6595, 139.7005)), thumbnail=True),
    Sample("bloomberg/frankfurt_skyline.jpg", "city", 81,
           "The skyline of the financial district in Frankfurt, Germany, on Tuesday, Sept. 10, "
           "2024. Photographer: Katrin Vogel/Bloomberg",
           {"agency": "Bloomberg", "photographer": "Katrin Vogel", "date": "2024-09-10",
            "city": "Frankfurt", "country": "Germany", "file_photo": False},
           store="xmp", camera=camera(*NIKON_Z9, "2024-09-10 19:45:00", orientation=6),
           notes="EXIF orientation 6 (rotate 90 CW)"),
    # ---------------------------------------------------------------- misc
    Sample("misc/edinburgh_rex.jpg", "crowd", 90,
           "Mandatory Credit: Photo by Tom Hale/Shutterstock (14400001a) Runners cross the "
           "finish line. City Marathon, Edinburgh, UK - 05 May 2024",
           {"photographer": "Tom Hale", "date": "2024-05-05", "city": "Edinburgh",
            "file_photo": False},
           camera=camera(*CANON_R5, "2024-05-05 11:30:00")),
    Sample("misc/lake_unknown_format.jpg", "mountains", 91,
           "Sunset over the lake, taken from the north shore. Photo: J. Smith", {},
           camera=camera("Panasonic", "DC-G9", None), notes="no known format, no date"),
    Sample("misc/no_caption.jpg", "field", 92, "", {},
           store="none", camera=camera("OLYMPUS CORPORATION", "E-M1MarkIII", "2024-04-20 10:00:00"),
           notes="EXIF only, no caption anywhere"),
    Sample("misc/valletta_sidecar.jpg", "harbour", 93,
           "Boats are moored in the harbour of Valletta, Malta, September 14, 2024. "
           "REUTERS/Carmen Borg",
           {"agency": "Reuters", "photographer": "Carmen Borg", "date": "2024-09-14",
            "city": "Valletta", "country": "Malta", "file_photo": False},
           store="sidecar", camera=camera(*NIKON_Z9, "2024-09-14 17:00:00", offset="+02:00")),
    Sample("misc/madison_sidecar.jpg", "field", 94,
           "Cows graze in a pasture near Madison, Wis., Friday, June 14, 2024. "
           "(AP Photo/Karen Olson)",
           {"agency": "AP", "photographer": "Karen Olson", "date": "2024-06-14",
            "city": "Madison", "file_photo": False},
           store="sidecar"),
    Sample("misc/dubai_manifest.jpg", "desert", 95,
           "DUBAI, UNITED ARAB EMIRATES - NOVEMBER 30: Visitors walk through the dunes on "
           "November 30, 2023 in Dubai, United Arab Emirates. (Photo by Omar Haddad/Getty Images)",
           {"agency": "Getty Images", "photographer": "Omar Haddad", "date": "2023-11-30",
            "city": "Dubai", "country": "United Arab Emirates", "file_photo": False},
           store="manifest", camera=camera(*CANON_R5, "2023-11-30 16:00:00", offset="+04:00")),
    Sample("misc/oslo_manifest.jpg", "snow", 96,
           "People skate on a frozen lake in Oslo, Norway, January 21, 2024. REUTERS/Ingrid Dahl",
           {"agency": "Reuters", "photographer": "Ingrid Dahl", "date": "2024-01-21",
            "city": "Oslo", "country": "Norway", "file_photo": False},
           store="manifest"),
    Sample("misc/lisbon_manifest.jpg", "city", 97,
           "Trams climb a hill in Lisbon, Portugal, 18 May 2024. EPA-EFE/RUI SANTOS",
           {"agency": "EPA-EFE", "photographer": "RUI SANTOS", "date": "2024-05-18",
            "city": "Lisbon", "country": "Portugal", "file_photo": False},
           store="manifest", camera=camera(*SONY_A1, "2024-05-18 13:13:13")),
    Sample("misc/bad_exif_offset.jpg", "storm", 100,
           "Lightning strikes over the sea off Split, Croatia, September 5, 2024. "
           "REUTERS/Marko Horvat",
           {"agency": "Reuters", "photographer": "Marko Horvat", "date": "2024-09-05",
            "city": "Split", "country": "Croatia", "file_photo": False},
           damaged_exif=True, camera=camera(*CANON_R5, "2024-09-05 21:14:00", offset="+02:00"),
           notes="garbage Exif sub-IFD offset: Make/Model readable, the Exif IFD "
                 "(DateTimeOriginal, exposure, lens) lost; the file must still import"),
    Sample("misc/harbour at dusk.jpg", "harbour", 98,
           "Fishing boats return to the harbour at dusk in Essaouira, Morocco, on March 30, 2024. "
           "(Photo by Youssef ALAOUI / AFP)",
           {"agency": "AFP", "photographer": "Youssef ALAOUI", "date": "2024-03-30",
            "city": "Essaouira", "country": "Morocco", "file_photo": False},
           camera=camera(*CANON_R5, "2024-03-30 19:02:00", offset="+01:00"),
           notes="a space in the file name"),
    Sample("misc/Zürich_Straße.jpg", "city", 99,
           "Trams pass along a shopping street in Zurich, Switzerland, 11 December 2023. "
           "EPA-EFE/URS MEIER",
           {"agency": "EPA-EFE", "photographer": "URS MEIER", "date": "2023-12-11",
            "city": "Zurich", "country": "Switzerland", "file_photo": False},
           camera=camera(*NIKON_Z9, "2023-12-11 16:40:00", offset="+01:00"),
           notes="non-ASCII file name"),
]
