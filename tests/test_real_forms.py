"""Forms met in real captions as published (galleries, newspapers, archives), in our own words.

Each case failed before the rule it tests; the captions are ours, the shapes are the real ones.
"""

from __future__ import annotations

import datetime as dt

import pytest

from catalog import parse_caption

CASES = [
    # Places
    ("A police officer checks the speed of cars in Wuppertal, Germany, with a laser gun in March. "
     "Ana Costa/picture alliance via Getty Images",
     {"city": "Wuppertal", "country_code": "DE"}),  # "March" is a town, and a month
    ("Visitors queue at a fair in Berlin October, 2012 (AFP PHOTO / SAM REYES)",
     {"city": "Berlin", "country_code": "DE"}),
    ("Soldiers rest in the centre of Odessa on March 17, 2022. (Photo by Sam Reyes / AFP)",
     {"city": "Odessa", "country_code": "UA"}),  # not Odessa, Texas
    ("Leaders meet at a palace in Hanover, on April 24, 2016. (Photo by Ana Costa/Getty Images)",
     {"country_code": "DE"}),  # not Hanover, Maryland
    ("Odessa, Texas, firefighters train on May 3, 2024. (AP Photo/Ana Costa)", {"country_code": "US"}),
    ("Fishermen mend nets in Gaza city on September 13, 2022. REUTERS/Ana Costa",
     {"city": "Gaza city", "country_code": "PS"}),
    ("Revellers throw tomatoes in the village of Bunol near Valencia, Spain, Wednesday, Aug. 30, 2023. "
     "(AP Photo/Ana Costa)", {"city": "Bunol", "country_code": "ES"}),
    ("A farmer stands near the West Bank town of Abu Dis near Jerusalem February 16, 2015. REUTERS/Ana Costa",
     {"city": "Abu Dis", "country_code": "PS"}),
    ("Auroras caused by a storm on the Sun light the sky over the Omsk region, Russia, on November 6, "
     "2023. REUTERS/Ana Costa", {"city": "", "country_code": "RU"}),
    # First-level regions of the countries the news comes from, and a district's town
    ("A woman holds a photo in Beichuan, Sichuan, May 12, 2008. (AFP Photo/Sam Reyes)",
     {"city": "Beichuan", "country_code": "CN", "region": "Sichuan"}),
    ("Marines rest in Helmand, October 26, 2014. REUTERS/Ana Costa", {"city": "", "country_code": "AF"}),
    ("Houses lie in ruins in Herat province on October 8, 2023. (Photo by Sam Reyes / AFP)",
     {"country_code": "AF"}),  # the province's namesake city is spelt Herāt in the gazetteer
    ("Streamers fly in Higashimatsushima in Miyagi Prefecture, May 5, 2024. (Kyodo)",
     {"city": "Higashimatsushima", "country_code": "JP"}),
    ("Rescuers search in Yushu County, in northwestern Qinghai Province, April 16, 2010. (AP Photo/Ana Costa)",
     {"country_code": "CN"}),
    ("A boat crosses a flooded village in Morigaon district of Assam, Wednesday, July 3, 2024. (PTI Photo)",
     {"city": "Morigaon", "country_code": "IN"}),
    ("Houses lie in ruins in Zindajan district of Herat province on October 8, 2023. (Photo by Sam Reyes / AFP)",
     {"city": "Zindajan", "country_code": "AF"}),
    ("Shoppers walk in the Mong Kok district of Hong Kong on December 24, 2018. (Photo by Sam Reyes / AFP)",
     {"city": "Hong Kong"}),  # a district of a big city: the city
    ("A house is cleared in the village of Velyka Oleksandrivka, in the Beryslav district of Kherson region, "
     "Ukraine, November 14, 2022. REUTERS/Ana Costa", {"city": "Velyka Oleksandrivka"}),
    ("Patients arrive at a hospital in Dair El-Balah in the Central Gaza Strip on November 7, 2023. "
     "REUTERS/Ana Costa", {"city": "Dair El-Balah", "country_code": "PS"}),
    ("Rescuers inspect a derailed train in Kom Hamada in the northern province of Beheira, Egypt. "
     "REUTERS/Ana Costa", {"city": "Kom Hamada", "country_code": "EG", "region": "Beheira"}),
    ("A festivalgoer sits at Worthy Farm in Somerset, United Kingdom on Thursday, June 22, 2023. "
     "(Photo by Sam Reyes/Getty Images)", {"city": "", "region": "Somerset", "country_code": "GB"}),
    ("Protesters march in Belfast, Northern Ireland, May 3, 2024. REUTERS/Ana Costa",
     {"city": "Belfast", "country_code": "GB"}),
    ("A surfer rides the bore at Minsterworth in Gloucestershire, South West England on March 21, 2015. "
     "(Photo by Sam Reyes / AFP)", {"city": "Minsterworth", "country_code": "GB", "region": "Gloucestershire"}),
    ("A believer bathes near Achairsky Monastery in the Omsk region, Russia on January 19, 2024. REUTERS/Ana Costa",
     {"city": "", "country_code": "RU"}),  # a building, no town
    ("A cardinal prays at St. Peter's Basilica in the Vatican October 3, 2015. REUTERS/Ana Costa",
     {"city": "", "country_code": "VA"}),
    ("People queue in Soweto, South Africa, May 3, 2024. REUTERS/Ana Costa", {"city": "Soweto", "country_code": "ZA"}),
    ("A wounded man waits at the scene of a blast in Jalalabad, Nangarhar province east of Kabul, Afghanistan "
     "on Thursday, Dec. 29, 2011. (AP Photo/Sam Reyes)", {"city": "Jalalabad", "country_code": "AF"}),
    ("Soldiers patrol in Wardak province west of Kabul, Afghanistan, May 3, 2012. REUTERS/Ana Costa",
     {"city": "", "country_code": "AF"}),  # Kabul only locates the province
    ("A swimmer celebrates during the London 2012 Olympic Games at the Aquatics Centre August 2, 2012. "
     "REUTERS/Ana Costa", {"city": "London", "country_code": "GB"}),
    ("**FILE** A police car lies wrecked in Jalalabad, Afghanistan, on Aug. 24, 2010. (AP Photo/Sam Reyes)",
     {"file_photo": True, "city": "Jalalabad"}),
    # Credits
    ("Kinder lernen Deutsch in einer Schule in Leipzig. Archivfoto: dpa",
     {"agency": "dpa", "file_photo": True, "city": "Leipzig"}),  # German "Archivfoto:" labels the credit
    ("Pupils walk to school in Cebu City, Philippines. (PNA photo by Ana Costa)",
     {"agency": "Philippine News Agency", "photographer": "Ana Costa"}),  # an agency's "photo by" in brackets
    ("Boats wait at the harbour of Lianyungang. (Xinhua photo by Ana Costa)",
     {"agency": "Xinhua", "photographer": "Ana Costa"}),
    ("Dancers parade in Oaxaca. (ANA COSTA / CUARTOSCURO.COM)",
     {"agency": "Cuartoscuro", "photographer": "ANA COSTA"}),  # the agency's web address is its name
    ("Persimmons dry in a yard in Sangju, North Gyeongsang Province, Oct. 25/ Yonhap",
     {"agency": "Yonhap", "photographer": ""}),  # the date's day is no photographer
    ("A surfer trains in Teahupo'o | SAM REYES / AFP via Getty Images", {"agency": "AFP", "photographer": "SAM REYES"}),
    ("A jumper clears the bar in the final | SAM REYES AFP via Getty Images",
     {"agency": "AFP", "photographer": "SAM REYES"}),
    ("Santas taste pies in London on November 24, 2024. (Photo by Sam Reyes/PA Media Assignments)",
     {"agency": "PA", "photographer": "Sam Reyes"}),
    ("Riot police clear a square in central Athens. [Sam Reyes/Reuters]",
     {"agency": "Reuters", "photographer": "Sam Reyes"}),
    ("Women carry sacks of food in Jonglei. Foto Ana Costa/AFP", {"agency": "AFP", "photographer": "Ana Costa"}),
    ("A player argues at the U.S. Open in New York, September 8, 2018. Sam Reyes-USA TODAY",
     {"agency": "Imagn", "photographer": "Sam Reyes"}),
    ("A minister speaks in Prague, Czech Republic, 28 November 2021. EPA/SAM REYES FOTO: Sam Reyes",
     {"agency": "EPA-EFE", "photographer": "SAM REYES"}),
    ("A gymnast competes in Rangsit, Thailand (Image credit: Sam Reyes / EPA / Shutterstock)",
     {"agency": "EPA-EFE", "photographer": "Sam Reyes", "country_code": "TH"}),
    ("Lawmakers meet in Springfield, Ill., Tuesday, June 27, 2017. (AP Photo by Sam Reyes)",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    ("A wave floods Miyako, Iwate Prefecture, March 11, 2011. (Mainichi Shimbun /Reuters)",
     {"agency": "Reuters", "photographer": ""}),  # a newspaper, no person
    ("A boat sits on a roof in Otsuchi on March 14, 2011. (Yomiuri Shimbun/AFP/Getty Images)",
     {"agency": "AFP", "photographer": ""}),
    ("Protesters clash in Athens, Greece, 1 May 2010. EPA/SAM REYES +++(c) dpa - Bildfunk+++",
     {"agency": "EPA-EFE", "photographer": "SAM REYES"}),
    ("Ein Flüchtling wartet in Tovarnik, Kroatien. (© picture-alliance/dpa)", {"agency": "dpa", "photographer": ""}),
    ("Fans celebrate at Croke Park. Photograph: Sam Reyes/Inpho", {"agency": "INPHO", "photographer": "Sam Reyes"}),
    ("A child plays the piano in Mus, Turkey, May 4, 2021. (DHA Photo)", {"agency": "DHA", "photographer": ""}),
    ("Tulips bloom in New Delhi, India, on February 14, 2023. Image: Sam Reyes/Hindustan Times via Getty Images",
     {"photographer": "Sam Reyes"}),
    ("Gauchos drive cows in San Antonio de Areco, Argentina, on Monday, July 27, 2015. Photographer: "
     "Sam Reyes/Bloomberg *** Local Caption *** Daniel Lopez",
     {"agency": "Bloomberg", "photographer": "Sam Reyes", "notes": ["Local Caption: Daniel Lopez"]}),
    ("A player falls at the Stadium of Light, Sunderland, England, Saturday, Feb. 8, 2014. "
     "(AP Photo/Sam Reyes, PA Wire) UNITED KINGDOM OUT - NO SALES - NO ARCHIVES",
     {"agency": "PA", "photographer": "Sam Reyes", "intermediaries": ["AP"]}),  # PA's picture, through AP
    ("Players converge at the arena on 20 April 2016 in New York Sam Reyes/Getty Images",
     {"agency": "Getty Images", "photographer": "Sam Reyes", "city": "New York"}),  # a credit run into the text
    ("Houses lie in ruins in Otsuchi town in Iwate prefecture on March 14, 2011. (Sam Reyes/AFP/Getty Images)",
     {"city": "Otsuchi", "country_code": "JP"}),
    ("Visitors take selfies at a theme park in Urayasu in Chiba Prefecture on Sept. 28, 2020. (Kyodo)",
     {"city": "Urayasu", "country_code": "JP", "region": "Chiba Prefecture"}),
    ("Troops arrive in Spin Boldak district of Kandahar Province on Jan. 6, 2013. REUTERS/Ana Costa",
     {"city": "Spin Boldak", "country_code": "AF"}),
    ("A motor show opens in the Chinese capital on Sept. 26, 2020. (Kyodo)",
     {"city": "Beijing", "country_code": "CN"}),  # the capital of the country its adjective names
    ("Ospreys leave Forward Operating Base Shukvani, Afghanistan, March 15, 2012. REUTERS/Ana Costa",
     {"city": "", "country_code": "AF"}),  # a military base, no town
    ("People rest in Kilis, near the border with Syria, Turkey, May 3, 2016. REUTERS/Ana Costa",
     {"city": "Kilis", "country_code": "TR"}),
    ("Soldiers stand guard in Sarakeb, near the border with Turkey, May 3, 2016. REUTERS/Ana Costa",
     {"city": "Sarakeb"}),  # the country across the border is not the place's
    ("Calaveras en el Zócalo de Ciudad de México, el martes 31 de octubre de 2023. (AP Foto/Sam Reyes)",
     {"agency": "AP", "photographer": "Sam Reyes"}),  # AP's Spanish service
    ("A minister speaks in Johannesburg. (Photo by Gallo Images/Sam Reyes)",
     {"agency": "Gallo Images", "photographer": "Sam Reyes"}),
    ("A wrestler competes in Tokyo, Japan, on August 8, 2021. (Photo by Sam Reyes/Getty Images) *** BESTPIX ***",
     {"agency": "Getty Images", "photographer": "Sam Reyes", "notes": ["BESTPIX"]}),
    ("Smoke rises in Lahaina, Hawaii. Image: Sam T. Reyes / AFP", {"agency": "AFP", "photographer": "Sam T. Reyes"}),
    ("Smoke fills the harbour in Lahaina, Hawaii. Sam Reyes via AP", {"agency": "AP", "photographer": "Sam Reyes"}),
    ("Protesters march in Guatemala City on September 1,2016. (AFP Photo/Sam Reyes)",
     {"date": dt.date(2016, 9, 1)}),  # no space after the comma
    ("A fire burns near Markleeville, California in this handout photo released to Reuters June 24, 2015. "
     "REUTERS/Sam Reyes/Handout", {"date": None}),
    ("A fighter rests in the eastern part of Damascus late on December 22, 2024. (Photo by Sam Reyes / AFP)",
     {"city": "Damascus", "country_code": "SY"}),
    ("A model walks during Paris fashion week October 1, 2012. REUTERS/Ana Costa", {"city": "Paris"}),
    ("Crews cut a fire line in the San Bernardino National Forest, California June 19, 2016. REUTERS/Ana Costa",
     {"city": "", "country_code": "US"}),
    ("Soldiers ride towards the border with the Gaza Strip on October 16, 2023. (Photo by Sam Reyes / AFP)",
     {"country_code": ""}),  # the country across the border is not the place's
    ("Life jackets lie in Molyvos village, on the northeastern Greek island of Lesbos, Thursday, March 16, 2017. "
     "(AP Photo/Sam Reyes)", {"city": "Molyvos", "country_code": "GR"}),
    ("A boy plays at the Jabalia refugee camp in the northern Gaza Strip during the holy month of Ramadan on "
     "February 23, 2026. (Photo by Sam Reyes / AFP)", {"city": "Jabalia", "country_code": "PS"}),
    ("Soldiers ride in armoured vehicles on October 16, 2023, amid battles between Israel and the group Hamas. "
     "(Photo by Sam Reyes / AFP)", {"city": ""}),  # the clause after the date names no place
    ("Brick factories stand in the town of Nahrawan east of Baghdad, March 8, 2012. REUTERS/Ana Costa",
     {"city": "Nahrawan", "country_code": "IQ"}),  # the direction from Baghdad only locates the town
    ("Low waters of the reservoir, at a fifth of its capacity, north of Barcelona, December 20, 2007. "
     "REUTERS/Ana Costa", {"city": "", "country_code": "ES"}),  # no town: the country of the city it is near
    ("The storm may dump up to 14 inches in the foothills. UPI/Sam C. Reyes",
     {"agency": "UPI", "photographer": "Sam C. Reyes"}),
    ("The sky glows red over Mallacoota, Victoria, Australia, December 31, 2019. Sam Reyes from Melbourne/via REUTERS",
     {"agency": "Reuters", "photographer": "Sam Reyes", "city": "Mallacoota"}),
    ("Vehicles drive on a flooded road, Robert, La. USA, Saturday, Aug. 13, 2016. (AP Photo/Sam Reyes)",
     {"city": "Robert", "country_code": "US"}),  # the state before "USA", no comma
    ("Fans react after the game was postponed at Sacramento's Golden 1 Center. Sam Reyes-USA TODAY Sports",
     {"city": "Sacramento", "country_code": "US"}),
    ("Masks are loaded onto a plane, April 1, 2020. (Taiwan Centers for Disease Control via AP)",
     {"agency": "AP", "photographer": ""}),  # an organisation "for" nothing: no person
    ("Palestinian relatives of men killed by Israeli forces wait at a window in Bethlehem on 13 March 2008. "
     "EPA/SAM REYES", {"city": "Bethlehem", "country_code": "PS"}),  # the namesake in the country named
    ("An American tourist walks in Paris on May 3, 2024. REUTERS/Ana Costa",
     {"city": "Paris", "country_code": "FR"}),  # not Paris, Texas: a nationality is not the place
    ("Fans celebrate in the Spanish city of Valencia on May 3, 2024. REUTERS/Ana Costa", {"country_code": "ES"}),
    ("Villagers wade through water in Murkata village east of Gauhati, India, Monday, Aug. 14, 2017. "
     "(AP Photo/Sam Reyes)", {"city": "Murkata", "country_code": "IN"}),
    ("A family sets up a tent in the town of Varzaqan some 60 kms northeast of Tabriz, August 12, 2012. "
     "(Photo by Sam Reyes / AFP)", {"city": "Varzaqan", "country_code": "IR"}),
    ("Rescuers free a woman in Port au Prince on January 13, 2010. (Photo by Sam Reyes/Getty Images)",
     {"city": "Port au Prince", "country_code": "HT"}),  # GeoNames writes Port-au-Prince
    ("A helicopter fights a wildfire in Fort McMurray Alberta on Wednesday May 4, 2016. "
     "(Sam Reyes /The Canadian Press via AP)", {"city": "Fort McMurray", "country_code": "CA"}),
    ("Lava flows from a volcano in Reykjanes Peninsula, Iceland March 21, 2021. REUTERS/Ana Costa",
     {"city": "", "country_code": "IS"}),
    ("Tourists enjoy snow at Gulmarg in Baramulla district of Jammu and Kashmir on December 28, 2024. (ANI Photo)",
     {"country_code": "IN"}),
    ("Ruins after the cyclone in Beira, Mozambique, March 17, 2019. Care International/Sam Reyes via REUTERS",
     {"photographer": "Sam Reyes"}),  # an organisation before the photographer
    ("Evacuees leave Fort McMurray, Alta., on Friday, May 6, 2016. THE CANADIAN PRESS/Sam Reyes ORG XMIT: EDM101",
     {"agency": "Canadian Press", "photographer": "Sam Reyes", "notes": ["ORG XMIT: EDM101"]}),
    ("A refugee steps off a dinghy on the Greek island of Lesbos, after crossing the Aegean Sea from Turkey to "
     "Lesbos September 24, 2015. REUTERS/Ana Costa", {"country_code": "GR"}),  # "from Turkey": where they came from
    ("Goods fell from shelves after the Friday, Nov. 30, 2018, earthquake hit Southcentral Alaska. (AP Photo/Sam Reyes)",
     {"city": "", "country_code": "US"}),
    ("Smoke rises off a highway on May 7, 2016, outside Fort McMurray. (Sam Reyes, AFP/Getty Images)",
     {"agency": "AFP", "photographer": "Sam Reyes"}),
    ("Villagers wade through a flooded field in Murkata village, India, Monday, Aug. 14, 2017. Sam Reyes AP Photo",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    # Dates: a statement's day is not the picture's
    ("Flood victims stand in Anambra West, southern Nigeria, where the Red Cross said on December 20, 2018 "
     "that thousands were displaced. (Photo by Sam Reyes/AFP Photo)", {"date": None, "country_code": "NG"}),
    ("Kim Jong Un looks south near the border, southwest of Pyongyang March 7, 2013 in this picture released by "
     "the North's official KCNA news agency in Pyongyang March 8, 2013. REUTERS/KCNA", {"date": dt.date(2013, 3, 7)}),
    ("FILE - A panel advertises tickets at a store, Nov. 7, 2022, in Renfrew, Pa. The jackpot soared after the "
     "Wednesday, July 12, 2023, drawing. (AP Photo/Sam Reyes, File)",
     {"date": dt.date(2022, 11, 7), "country_code": "US", "city": "Renfrew"}),  # "Pa." ends the first sentence
    ("A boxer weighs in at Leeds, Britain, on December 9, 2022. (Photo by Ana Costa/Action Images via Reuters)",
     {"agency": "Reuters", "photographer": "Ana Costa"}),
    ("A model walks in Lisbon, Portugal, 28 June 2022. (Photo by Ana Costa/EPA/EFE)",
     {"agency": "EPA-EFE", "photographer": "Ana Costa"}),
    ("Runners race in Sonkajarvi, Finland, on July 6, 2019. (Photo by Sam Reyes/EPA/EFE/Rex Features/Shutterstock)",
     {"agency": "EPA-EFE", "photographer": "Sam Reyes"}),
    ("Brides wait near Bhopal, India, 20 April 2016. epa/Sam Reyes", {"agency": "EPA-EFE", "photographer": "Sam Reyes"}),
    ("Sculptures stand in New York City on Monday, January 24, 2022. (Photo by Sam Reyes/UPI/Alamy Live News)",
     {"agency": "UPI", "photographer": "Sam Reyes", "intermediaries": ["Alamy"]}),
    ("A player dunks at the arena on February 18, 2017. Sam Reyes-USA TODAY Sports",
     {"agency": "Imagn", "photographer": "Sam Reyes"}),
    ("Rescuers search the rubble in Balakot, Pakistan. B.K. Reyes | Associated Press",
     {"agency": "AP", "photographer": "B.K. Reyes", "city": "Balakot"}),
    ("A trader works at the exchange last Monday. (Sam Reyes, Associated Press)",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    ("Helicopters land at the embassy in Kabul. [Sam Reyes/AP Photo]",
     {"agency": "AP", "photographer": "Sam Reyes", "city": "Kabul"}),
    ("A fighter stands guard in the city of Ghazni. [Reuters]", {"agency": "Reuters", "city": "Ghazni"}),
    ("A politician poses in Berlin on April 16, 2018. (Photo by Ana Costa/Getty Images) (2018 Getty Images)",
     {"agency": "Getty Images", "photographer": "Ana Costa"}),
    ("Children play in Gaza city on September 13, 2022. Photo by Sam Reyes \\ apaimages",
     {"agency": "APA Images", "photographer": "Sam Reyes"}),
    ("Volunteers clear debris from a collapsed school in Mexico City.\nSam Reyes/AFP/Getty Images",
     {"agency": "AFP", "photographer": "Sam Reyes", "city": "Mexico City"}),  # the credit on its own line
    ("Mourners walk in Tehran, Iran, January 6, 2020. Official Leader's website/via REUTERS",
     {"agency": "Reuters", "photographer": ""}),  # a website is no photographer
    ("Alles in Weiss\nFoto: ANA COSTA/ REUTERS", {"agency": "Reuters", "photographer": "ANA COSTA"}),
    ("Voters queue on the outskirts of Pune, India, Monday, April 29, 2013. <AP Photo/Sam Reyes>",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    ("Crowds greet her at a parade ground in Lucknow. The state is home to 200 million people... Reuters photo",
     {"agency": "Reuters", "photographer": "", "city": "Lucknow"}),
    ("Pássaros sobrevoam uma escola em Kherson, Ucrânia, em 3 de novembro de 2022. (Foto por ANA COSTA/AFP)",
     {"agency": "AFP", "photographer": "ANA COSTA"}),
    ("Fans watch the match in a bar in Seville on June 20. (Sam Reyes/Associatd Press)",
     {"agency": "AP", "photographer": "Sam Reyes"}),  # a letter dropped from a long agency name
    ("A girl carries water in Bukavu. (Photo by Sam Reyes/AFP_", {"agency": "AFP", "photographer": "Sam Reyes"}),
    ("Marchers fill a square in Cali, Colombia, Saturday, May 15, 2021. (AP PhotoAna Costa)",
     {"agency": "AP", "photographer": "Ana Costa"}),  # a page that lost the slash
    ("Soldados desfilan en Monterrey, el sábado 16 de septiembre de 2023. (Foto AP/Sam Reyes)",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    ("Students march in Hong Kong, July 3, 2018. (ANSA/AP Photo/Sam Reyes)",
     {"agency": "AP", "photographer": "Sam Reyes", "intermediaries": ["ANSA"]}),  # ANSA passes AP's picture on
    ("Rettungskräfte arbeiten an einer Unfallstelle bei Horb. © dpa | Ana Weber",
     {"agency": "dpa", "photographer": "Ana Weber"}),
    ("Ein Sturm hat Zelte auf einem Campingplatz zerstört. © dpa | Handout", {"agency": "dpa", "handout": True}),
    ("Das Haus in Wernigerode nach der Explosion. Bild: Polizeirevier Harz/dpa",
     {"agency": "dpa", "photographer": ""}),  # the police is a source, not a photographer
    ("Ein zerstörtes Wohnhaus. © Uncredited/Regional Administration/AP/dpa", {"photographer": ""}),
    ("A man cries at a funeral. Picture by New China News Agency", {"agency": "Xinhua"}),
    ("Volunteers hand out bread in Zahle, eastern Bekaa Valley, Lebanon, May 1, 2016. REUTERS/Ana Costa",
     {"city": "Zahle", "region": "Bekaa Valley", "country_code": "LB"}),  # an area named with a compass word
    ("A boy walks in the village of Kafr Batna, eastern Ghouta, Syria, March 15, 2018. REUTERS/Sam Reyes",
     {"city": "Kafr Batna", "country_code": "SY"}),
    ("Ash rises over the volcano, in this photo taken from Kagoshima, southwestern Japan, in this photo "
     "taken by Kyodo March 5, 2016. REUTERS/Kyodo", {"city": "Kagoshima", "country_code": "JP"}),
    ("A fighter stands on a ridge in the Lebanese side of the Anti-Lebanon mountains on the border with Syria "
     "on May 20, 2015 (AFP PHOTO / SAM REYES)", {"country_code": "LB", "city": ""}),
    ("Families wait near the Syrian-Turkish border, Syria, February 7, 2016. REUTERS/Ana Costa",
     {"city": "", "country_code": "SY"}),  # two peoples' border is no town
    ("A fisherman walks through the old market in South Mogadishu on March 25, 2015 (AFP PHOTO/Sam Reyes)",
     {"city": "Mogadishu", "country_code": "SO"}),
    ("Workers clear snow in East Rutherford, New Jersey, Feb. 3, 2014. (AP Photo/Ana Costa)",
     {"city": "East Rutherford"}),  # a town the gazetteer lacks keeps its whole name
    ("Champion Ryo Sato of Japan knocks down Mexico's Luis Ortega in the fifth round at Tokyo Dome. (Kyodo)",
     {"city": "Tokyo", "country_code": "JP"}),  # a boxer's country is not the ring's
    ("Northern lights glow over a frozen lake near Inari in Lapland, Finland. REUTERS/Ana Costa",
     {"region": "Lapland", "country_code": "FI"}),
    ("A dinghy lands on a beach on the Greek island of Samos, October 2, 2015. REUTERS/Ana Costa",
     {"city": "", "region": "Samos", "country_code": "GR"}),  # an island is no town
    ("January 1962: Crowds line the avenue for a parade. (Photo by Keystone/Getty Images)",
     {"country_code": ""}),  # an archive collection resold by Getty has no home country
    ("Smoke rises over Gaza City on June 14.Sam Reyes—Anadolu/Getty Images",
     {"agency": "Anadolu", "photographer": "Sam Reyes"}),  # an em dash between name and agency
    ("Women dance at a festival in Tunis, Tunisia on 13 July 2017 Image copyright EPA", {"agency": "EPA-EFE"}),
    ("Rescuers carry a cat from the rubble in Adiyaman on 9 February 2023.\n© AFP 2023 / Sam Reyes",
     {"agency": "AFP", "photographer": "Sam Reyes"}),  # the copyright year after the agency
    ("Trainee astronauts walk near Mitzpe Ramon in Israel's southern Negev desert \nSAM REYES AFP",
     {"agency": "AFP", "photographer": "SAM REYES", "city": "Mitzpe Ramon", "country_code": "IL"}),
    ("Tourists ride camels near Merzouga in Morocco's Sahara desert, May 3, 2019. REUTERS/Ana Costa",
     {"city": "Merzouga", "country_code": "MA"}),  # a country's possessive owns a desert, not a town
    ("Workers pick grapes in Santa Cruz, in Chile's Colchagua Valley, March 20, 2023. REUTERS/Ana Costa",
     {"city": "Santa Cruz", "country_code": "CL"}),
    ("Rescuers wade through Wanzhou District of southwest China's Chongqing, July 22, 2024. (Xinhua/Li Wei)",
     {"country_code": "CN"}),
    ("Players celebrate their win against Saudi Arabia. (Photo: Sam Reyes / Moskva News Agency)",
     {"agency": "Moskva News Agency", "country_code": ""}),  # an opponent is no place; an unknown "News Agency"
    ("Dancers rehearse in a pavilion in Bangkok on Saturday. Photo: VCG", {"agency": "VCG"}),
    ("Visitors queue at a theme park in Urayasu in Chiba Prefecture as a new ride opens on Sept. 28, 2020. (Kyodo)",
     {"city": "Urayasu", "region": "Chiba Prefecture"}),  # a clause with no name ends the place phrase
    ("A protester sits in the middle of Chicago's Michigan Avenue blocking traffic Thursday, March 27, 2003. "
     "(AP Photo/Ana Costa)", {"city": "Chicago", "country_code": "US"}),  # a big city owns the street
    ("Britain's Prince William visits a school, May 3, 2024. REUTERS/Ana Costa", {"city": ""}),
    ("The Capitol is seen at dawn, in Washington, D.C., Tuesday, Oct. 10, 2017. #APPhoto by Sam Reyes",
     {"agency": "AP", "photographer": "Sam Reyes"}),  # AP's own posts
    ("Zuma dances on stage during his birthday celebrations, in Soweto. EPA Photo, 12 April 2017",
     {"agency": "EPA-EFE"}),  # an agency named alone after the last sentence
    ("Tents line a street in the town of Ahar after an earthquake hit the town. -Photo by AFP", {"agency": "AFP"}),
    ("Soldiers gather outside the assembly in Niamey on July 27, 2023. / AFP via Getty Images",
     {"agency": "AFP", "intermediaries": ["Getty Images"]}),
    ("Crowds gather in Lyon, a witness told AFP.", {"agency": ""}),  # a source quoted is no credit
    ("Troops arrive in Gao.Credit Sam Reyes/Agence France-Presse — Getty Images",
     {"agency": "AFP", "photographer": "Sam Reyes"}),  # the NYT's credit line
    ("A protester runs in central Kiev on January 22, 2014. Photo: SAM REYES/2014 AFP",
     {"agency": "AFP", "photographer": "SAM REYES"}),
    ("Students show their designs on April 18, 2012. (Photo by Ana Reuter/EPA/Globe photo)",
     {"agency": "EPA-EFE", "photographer": "Ana Reuter"}),  # a surname, not a misspelt agency
    ("Dancers form a pyramid in Mexico City. (ANA COSTA/CUARTOSCURO.COM)", {"agency": "Cuartoscuro"}),
    ("Dancers rehearse on a square in Anxi Town of Jiuquan City, northwest China's Gansu Province, Jan. 20, "
     "2020. (Xinhua/Li Wei)", {"city": "Anxi"}),
    ("Herders ride in Burqin County, northwest China's Xinjiang Uygur Autonomous Region, July 19, 2023. "
     "(Xinhua/Li Wei)", {"city": "", "country_code": "CN"}),  # a county alone is an area, not a town
    ("Migrants land in Puerto del Carmen in Lanzarote, Canary Islands, Spain, 25 September 2024. "
     "EPA-EFE/ANA COSTA", {"city": "Puerto del Carmen", "country_code": "ES"}),  # the town before the island
    ("Fans cheer at the stadium in Recife, Brazil, 12 July 2014. epa / Ana Costa",
     {"agency": "EPA-EFE", "photographer": "Ana Costa"}),
    ("Crowds throw tomatoes in Bunol, Valencia, Spain, 28 August 2024. EPA-EFE/ANA COSTA",
     {"city": "Bunol", "region": "Valencia", "country_code": "ES"}),  # a town the gazetteer lacks, its province
    ("Fans wait for the match between Scotland and England in Christchurch February 23, 2015. REUTERS/Ana Costa",
     {"country_code": "NZ"}),  # two teams are no place
    ("South Africa's hockey player Ana Costa runs in the athletes village in Paris on July 22, 2024. "
     "(Photo by Sam Reyes / AFP)", {"country_code": "FR"}),
    ("Australian surfer Ana Costa trains at Uluwatu on July 21, 2024. (Photo by Sam Reyes / AFP)",
     {"country_code": ""}),  # an athlete's country is not the beach's
    ("Dancers perform in Minhang District, east China's Shanghai, Feb. 5, 2023. (Xinhua/Li Wei)",
     {"city": "Shanghai", "country_code": "CN"}),
    ("Children watch a lion dance in Wuzhen Town, Jiaxing City, east China's Zhejiang Province, Feb. 5, 2023. "
     "(Xinhua/Li Wei)", {"city": "Wuzhen Town", "country_code": "CN"}),  # the town of Xinhua's "X City"
    ("Skaters circle a rink in the centre of Moscow, June 19© Ana Costa/TASS",
     {"agency": "TASS", "photographer": "Ana Costa"}),  # TASS galleries glue the copyright sign to the date
    ("A tram passes the Grand Place in Brussels, Friday 13 March 2020. (BELGA PHOTO ANA COSTA)",
     {"agency": "Belga", "photographer": "ANA COSTA"}),
    ("Cherry trees bloom in northern Taipei on Sunday. CNA photo March 22, 2026", {"agency": "CNA"}),
    ("A chest is on display at the museum in Seoul on Tuesday./ Yonhap", {"agency": "Yonhap"}),
    ("Schüler sitzen im Klassenzimmer. (Quelle: dpa/Ana Weber)", {"agency": "dpa", "photographer": "Ana Weber"}),
    ("Ministrar samlas i Stockholm. Foto: Ana Costa / TT kod 10060",
     {"agency": "TT News Agency", "photographer": "Ana Costa"}),  # TT's picture code after its name
    ("Prezident klubu v Praze. Zdroj: ČTK / Costa Ana", {"agency": "CTK", "photographer": "Costa Ana"}),
    ("Reporters gather in Chennai. (Sam Reyes / PTI File)", {"agency": "PTI", "file_photo": True}),
    ("The King arrives at the chapel, April 17© Sam Reyes — WPA Pool/Getty Images",
     {"agency": "Getty Images", "photographer": "Sam Reyes", "pool": True}),
    ("Fans sing at the Stade De Nice, France on Sunday, September 17, 2023. (Photo by Ana Costa/PA Images via "
     "Getty Images)", {"city": "Nice", "agency": "PA"}),
    ("Plum trees bloom in the town of Setouchi on Amami-Oshima Island in Kagoshima Prefecture. (Kyodo)",
     {"city": "Setouchi"}),
    ("A boy walks in the Zeitoun neighbourhood of Gaza City, which was heavily shelled by Israel, on July 20, "
     "2014. (Reuters/Ana Costa)", {"city": "Gaza City", "country_code": "PS"}),  # a clause about the place
    ("Pássaros sobrevoam uma escola na vila de Posad-Pokrovske, na região de Kherson, em 3 de novembro de 2022. "
     "(Foto por ANA COSTA/AFP)", {"city": "Posad-Pokrovske", "region": "Kherson"}),  # Portuguese "região de"
    ("A girl carries water near the shore at Shah Porir Dwip, a village in southeastern Bangladesh bordering "
     "the Myanmar state of Rakhine. Reuters", {"country_code": "BD"}),  # the appositive says where
    ("Fans dance at the Fan Fest in Samara, a host city for the 2018 FIFA World Cup, Russia June 30, 2018. "
     "(Photo by Ana Costa/Reuters)", {"city": "Samara", "country_code": "RU"}),
    ("Children cheer after mass in Prima Porta, a suburb of Rome, May 26, 2013. (Photo by ANA COSTA / AFP)",
     {"city": "Prima Porta", "country_code": "IT"}),
    ("A model walks the runway at the Fashion Week in Santo Domingo October 24, 2015. (Photo by Ana Costa/Reuters)",
     {"city": "Santo Domingo", "country_code": "DO"}),  # "Domingo" ends a name; it is no Sunday
    ("Crowds gather in London Friday, Sept. 6, 2024. (AP Photo/Ana Costa)", {"city": "London"}),
    ("Herders race horses in Xilinhot, in Abag Banner, north China's Inner Mongolia Autonomous Region, Jan. 7, "
     "2017. (Xinhua/Li Wei)", {"city": "Xilinhot"}),
    ("Farmers plant rice in Ruian City, east China's Zhejiang Province, July 14, 2025. (Xinhua/Li Wei)",
     {"city": "Ruian", "country_code": "CN"}),
    ("A man tends bees in Gangtou village of Anyi county, East China's Jiangxi province, on April 6, 2023. "
     "[Photo/Xinhua]", {"country_code": "CN"}),  # Xinhua's capital "East"
    ("Wheat fields stretch to the horizon near Qamishli. All photos: AFP", {"agency": "AFP"}),
    ("Monks pray for a good harvest. (Imaginechina via AP Images)", {"agency": "Imaginechina"}),
    ("مزارعون يحصدون القمح قرب مزار الشريف. (أ ف ب)", {"agency": "AFP"}),  # AFP's Arabic abbreviation
    ("Villagers dry chilies at Xiaba Village of Shibing County in southwest China's Guizhou Province, Aug. 26, "
     "2023. (Xinhua/Li Wei)", {"city": "Xiaba"}),
    ("A penguin walks with a keeper at Osaka Kaiyukan Aquarium in Osaka Prefecture. (Kyodo)", {"city": "Osaka"}),
    ("Photo taken from Fujiyoshida in Yamanashi Prefecture, eastern Japan, on Dec. 12, 2020, shows clouds "
     "over Mt. Fuji. (Kyodo)", {"city": "Fujiyoshida"}),  # where the camera stood
    ("Players tackle in the Inclusive Rugby Tournament, Pirates RFC, Co. Westmeath, Ireland on Saturday, June 10, 2023. "
     "(Photo by Ana Costa/Inpho)", {"city": "", "region": "Co. Westmeath", "country_code": "IE"}),  # Ireland's "Co."
    ("Mourners gather in Ternopil during the funeral of a soldier from the nearby village of Ozerna on "
     "March 2, 2025. Sam REYES/AFP via Getty Images", {"city": "Ternopil"}),  # a hometown in Getty's layout
    # Round N and M (stop 13)
    ("Lee Park of Canada, smiles at a news conference at the Valley Golf Club Friday, June 6, 2025, in "
     "Durham, N.C. (AP Photo/Sam Reyes)", {"city": "Durham", "country_code": "US"}),  # "of Canada": his country
    ("Lanterns float at Olympic Stadium, Tokyo, Japan, August 1, 2021. REUTERS/Ana Costa",
     {"city": "Tokyo", "region": "", "country_code": "JP"}),  # Tokyo is also a prefecture
    ("Volunteers clear debris in Moore, Oklahoma, on the outskirts of Oklahoma City May 3, 2024. "
     "REUTERS/Ana Costa", {"city": "Moore", "country_code": "US"}),  # the locator after a state
    ("Farmers wade through a flooded field\n\nSam Reyes, AFP\n\nPosted at Aug 12 2024 08:10 AM\n\n"
     "Farmers carry sacks of rice through floodwater in Larkana, Pakistan on Monday.",
     {"agency": "AFP", "photographer": "Sam Reyes", "city": "Larkana", "date": None}),  # the credit above
    ("Ana Costa / EPA\n\nFishermen haul nets at dawn in Chennai, India on June 3.",
     {"agency": "EPA-EFE", "photographer": "Ana Costa", "city": "Chennai"}),
    ("En Sevilla, España, unos niños juegan en una fuente. EFE/Ana Costa", {"city": "Sevilla"}),
    ("À Ziguinchor, au Sénégal, des femmes vendent du poisson. AFP PHOTO / SAM REYES", {"city": "Ziguinchor"}),
    ("Water covers a road in Umlazi, Durban. Pictures: Ana Costa/ African News Agency(ANA)",
     {"photographer": "Ana Costa", "agency": "African News Agency"}),  # the abbreviation glued on
    ("A bus drives through floodwater in Durban. Picture; Sam Reyes/African News Agency(ANA)",
     {"photographer": "Sam Reyes"}),
    ("Cyclists ride at the start of the stage between Saint-Lo and Vire, Normandy. (Ana Costa/AFP/Getty Images)",
     {"city": "Saint-Lo"}),  # a stage's start
    ("Players meet in the Coppa Italia match between FC Nord and Juventus FC. (Photo by Ana Costa/Getty Images)",
     {"city": ""}),  # two teams, no town
    ("SAN SIRO, MILAN, ITALY - 2021/02/02: Players warm up. (Photo by Ana Costa/SOPA Images/LightRocket via "
     "Getty Images)", {"city": "MILAN", "date": dt.date(2021, 2, 2)}),  # SOPA's year-first dateline date
    ("Farmers march in Bogota, Colombia, 28 April 2021. VIA EPA-EFE/Luis Romero Jr.", {"photographer": "Luis Romero Jr."}),
    ("Marchers fill a street in Sucre, Bolivia. (Foto EFE/ Ana Costa)", {"photographer": "Ana Costa"}),
    ("Folk venter på nødhjælp i en lejr uden for Maiduguri. (Arkivfoto) Ana Costa/Reuters",
     {"photographer": "Ana Costa", "file_photo": True}),  # Danish "file photo"
    ("Commuters wait in Boston, Feb. 9, 2017.     Ana R. Costa/AFP/Getty Images", {"photographer": "Ana R. Costa"}),
    ("Men shovel snow in Boston, Feb. 9, 2017.     Sam Reyes/AP Photo", {"photographer": "Sam Reyes", "agency": "AP"}),
    ("Skaters glide on a pond in Lenox, Mass., Tuesday, March 14, 2017.\nThe Berkshire Sun via AP\nAna Costa",
     {"photographer": "Ana Costa", "agency": "AP"}),  # a member paper's picture
    ("Fans cheer in Sydney. Source: Anadolu / Anadolu Agency/Anadolu Agency via Getty Images", {"photographer": ""}),
    ("Homes lie in ruins on the island. Courtesy Ana R. Costa/Disaster Agency/Handout via REUTERS",
     {"photographer": "Ana R. Costa"}),
    ("The Queen visits a garden near Tetbury, Gloucestershire, 31 May 2022Image source, Ana Costa / PA Media",
     {"photographer": "Ana Costa", "date": dt.date(2022, 5, 31)}),  # the BBC's label glued to the date
    ("Families shelter in a camp outside of Baidoa, Somalia, Monday, March, 27, 2017. (AP Photo/Sam Reyes)",
     {"date": dt.date(2017, 3, 27), "city": "Baidoa"}),  # a stray comma after the month
    ("In March, 27 people were hurt in Lyon, France. REUTERS/Ana Costa", {"date": None}),  # no date there
    ("Una donna raccoglie il riso nel villaggio di Kalipur, 28 dicembre 2010 (AP Photo/Sam Reyes)",
     {"city": "Kalipur"}),  # Italian "in the village of"
    ("Des enfants jouent dans le village de Karabane, le 2 novembre 2014 (AFP / Sam Reyes)", {"city": "Karabane"}),
    ("Voters queue outside a school in Patan. – Photos by Reuters", {"agency": "Reuters"}),
    ("Lisbon residents queue for bread near the river on August 18, 1993. REUTERS/File",
     {"city": "Lisbon", "country_code": "PT"}),  # a big city's people, no place phrase
    ("A swimmer trains in a garden pool during Melbourne's lockdown. (Getty)", {"city": "Melbourne"}),
    ("The racket flies out of his hand during the match against Spain's Carlos Rivas. REUTERS/Ana Costa",
     {"country_code": ""}),  # an opponent's country
    ("A keeper dives next to Sam Reyes (right) of France. PHOTO: EPA-EFE", {"country_code": ""}),
    ("A truck burns after an air strike on Kafr Nabl village in South Idlib countryside, May 6, 2019. "
     "REUTERS/Stringer", {"city": "Kafr Nabl", "region": "South Idlib countryside"}),
    ("Sheep graze in the countryside, May 3, 2019. REUTERS/Ana Costa", {"region": ""}),  # no region named
    ("Neighbours clear mud in Dernau, Germany, on July 19.\n— Ana Costa / dpa via AP",
     {"agency": "dpa", "photographer": "Ana Costa"}),  # a credit line that opens with a dash
    ("A man walks past rubble in Antakya on Feb.8, 2023. (Sam Reyes/AFP via Getty Images)",
     {"date": dt.date(2023, 2, 8)}),  # no space after the month's period
    ("Water floods streets in Ishinomaki City in northeastern Japan March 11, 2011. REUTERS/Kyodo",
     {"city": "Ishinomaki"}),
    ("A man wades through water in Sant’Agata sul Santerno, northern Italy. Photograph: Ana Costa/EPA",
     {"city": "Sant’Agata sul Santerno"}),
    ("Mud covers a street in Schuld, western Germany, on July 18. — Ana Costa / AFP - Getty Images",
     {"agency": "AFP", "photographer": "Ana Costa"}),  # NBC's dash before Getty Images
    ("A soldier walks in Kupiansk, Ukraine, Monday, Sept. 19, 2022. — Photo by Sam Reyes / AP Photo",
     {"agency": "AP", "photographer": "Sam Reyes"}),
    ("Miners dig near Kabul. (Ana Costa/AFP/Getty Images) #", {"agency": "AFP", "photographer": "Ana Costa"}),
    ("Waves hit the coast in Soma city, Fukushima Prefecture, March 11, 2011. REUTERS/Asahi Shimbun",
     {"photographer": ""}),  # a newspaper, not a person
    ("Runners warm up ahead of the Paris 2024 Olympic Games in France. Ana Costa/PA Wire.", {"city": ""}),  # an event
    ("Fans sing during the final on July 11, 2010 at Ellis Park Stadium. (Ana Costa/AFP/Getty Images)",
     {"city": ""}),  # a stadium after the date is no town
    ("Des enfants à Bo (Sierra Leone) jouent près d'une école d'Ebola, le 15 novembre 2014 (AFP / Sam Reyes)",
     {"city": "Bo", "country_code": "SL"}),  # the place ends at its bracketed country
    ("Firefighters walk past a burnt house in Agia Marina village on Evia island, Greece, Aug. 11, 2021. "
     "(AP Photo/Sam Reyes)", {"city": "Agia Marina"}),  # a two-word village the gazetteer lacks
    ("Families wait at the village of Limni in the island of Evia, Greece, 08 August 2021. EPA-EFE/ANA COSTA",
     {"city": "Limni", "region": "Evia"}),
    ("A surfer rides a wave at the Jaws Surf Break on the island of Maui, Hawaii, on December 21, 2024. "
     "(Photo by Sam Reyes / AFP)", {"city": ""}),  # a surf spot, no town
    ("Ruins of a temple in Patan’s Durbar Square. Ana Costa/European Pressphoto Agency", {"agency": "EPA-EFE"}),
    ("Police fire tear gas near Baabda on November 13, 2019. Protests spread. / AFP / SAM REYES",
     {"agency": "AFP", "photographer": "SAM REYES"}),
    ("Petani menanam padi di Madiun, Jawa Timur. FOTO ANTARA/Ana Costa/nz/09.",
     {"agency": "Antara", "photographer": "Ana Costa"}),  # Antara's label, desk and year code
    ("Rangers count zebras in the park. ANA COSTA/AFP/Getty Images ( 523633342 )",
     {"agency": "AFP", "photographer": "ANA COSTA"}),  # Getty's picture number after the credit
    ("Een markt wordt ontruimd in Nairobi.  beeld afp / Sam Reyes", {"agency": "AFP", "photographer": "Sam Reyes"}),
    ("Flood waters cover fields in Assam. (Photo credit: STR/AFP/Getty Images)", {"photographer": "STR"}),
    ("Protesters fill the boulevard, taking the momentum out of his agenda. afp.com - Sam REYES",
     {"agency": "AFP", "photographer": "Sam REYES"}),  # AFP's own pages
    ("Casas em Lajeado viram entulho após as chuvas Imagem: Ana Costa/AFP", {"photographer": "Ana Costa"}),
    ("Allagamenti ad Albinia (Grosseto), 12 novembre 2012 (Credits: ANSA/ Ana Costa)",
     {"agency": "ANSA", "photographer": "Ana Costa"}),
    ("Bulls run through the town to the bullring.        Credit: ANA COSTA / REUTERS", {"photographer": "ANA COSTA"}),
    ("Landwirte nehmen an der Demonstration teil. (Symbolfoto)  Foto: dpa/Ana Costa", {"photographer": "Ana Costa"}),
    ("Firefighters tackle a blaze next to the village of Chile, near Castelo Branco. REUTERS/Ana Costa",
     {"city": "Chile", "country_code": "PT"}),  # a village named like a country
    ("A boat floats down the flooded street of the Somerset village of Muchelney, February 13, 2014. "
     "REUTERS/Ana Costa", {"city": "Muchelney", "country_code": "GB"}),  # the county's country
    ("A farmer shows his calf at the Ohio State Fair, August 8, 2019. REUTERS/Ana Costa",
     {"region": "Ohio", "country_code": "US"}),
    ("Pilgrims splash coloured water near a temple in Barsana in the northern Indian state of Uttar Pradesh. "
     "REUTERS/Ana Costa", {"city": "Barsana", "region": "Uttar Pradesh"}),  # the state's long lead
    ("Rescuers wade in the flood-hit town of Laoag, Ilocos Norte on July 26, 2023. EPA-EFE/ANA COSTA",
     {"city": "Laoag"}),  # an adjective inside "the town of"
    ("Worshippers pray outside a mosque in Baghdad Kadhimiya district, in Iraq, July 31, 2020. "
     "(Photo by Ana Costa/Reuters)", {"city": "Baghdad", "region": "Kadhimiya district"}),
    ("Casas em Lajeado, no RS, ficam submersas após as chuvas Imagem: Ana Costa/AFP",
     {"city": "Lajeado", "country_code": "BR", "region": "RS"}),  # a Brazilian state's abbreviation
    ("Protesters holding a cross on a photo of the general face riot police in Mandalay, Myanmar on Monday, "
     "Feb. 8, 2021. (AP Photo)", {"city": "Mandalay"}),  # "on a photo of": an object, not "in this photo"
    ("Voters queue in Almaty, Kazakhstan, 09 June 2019. [EPA-EFE/ANA COSTA]", {"photographer": "ANA COSTA"}),
    ("Mud covers a road in Gjerdrum, Norway, Dec. 31, 2020.  (Ana Costa/The Water Directorate (NVE)/NTB via  Reuters)",
     {"photographer": "Ana Costa"}),  # brackets inside the credit's brackets
    # Round T (stop 14)
    ("Dancers rehearse the Garba, a folk dance of Gujarat state, ahead of Navratri festival in Ahmedabad, India, "
     "Monday, Oct. 9, 2023. (AP Photo/Sam Reyes)", {"city": "Ahmedabad", "region": ""}),  # "ahead of" is no direction
    ("Pilgrims walk through the Medieval Village of Ourem, Portugal, 15 April 2022. EPA-EFE/ANA COSTA",
     {"city": "Ourem", "country_code": "PT"}),
    ("Le procès s'ouvre à Paris, le 3 octobre 2017. (Crédit : Ana Costa/AFP)",
     {"photographer": "Ana Costa", "agency": "AFP"}),  # the French label, its space before the colon
    ("Cour du palais de Justice de Paris, le 2 septembre 2021\nTous droits réservés ANA COSTA/AFP",
     {"photographer": "ANA COSTA", "agency": "AFP"}),
    ("Villagers wade through flood water in Assam's Barpeta district. (Photo: PTI/Representational image)",
     {"photographer": "", "agency": "PTI"}),
    ("A shrine stands in Northern New Mexico outside Santa Fe, July 6, 2017. (AP Photo/Sam Reyes)",
     {"city": "Santa Fe", "country_code": "US"}),  # a state before "outside": its country, not Argentina's
    ("A nurse visits a farmer in the village of Daldere, Feb. 12, 2021, Van, Turkey.\n\n(Getty Images)",
     {"city": "Daldere", "region": "Van", "country_code": "TR"}),  # the date between the village and its country
    ("Farmers plant rice in a paddy in Taean, Chungnam, for the first planting this year.\n\n(Photos: Yonhap)",
     {"agency": "Yonhap", "country_code": "KR"}),
    ("Commuters cross a bridge in Tokyo, Japan, March 23. Reuters-Yonhap",
     {"agency": "Reuters", "photographer": "", "intermediaries": ["Yonhap"]}),  # a partner's picture, Yonhap's credit
    ("Riders race in Concepcion, Chile on September 28, 2024. (Photo by Ana Costa/DPPI/Rex Features/Shutterstock)",
     {"agency": "DPPI", "photographer": "Ana Costa"}),  # the originating agency, as with "via Getty Images"
    # Rounds V and W (stop 14)
    ("Soldados patrullan en Santiago de Chile. (EFE/Ana Costa).", {"agency": "EFE", "photographer": "Ana Costa"}),
    ("La iglesia arde durante una protesta en Santiago de Chile, el 18 de octubre de 2019.\n"
     "Crédito: Ana Costa/Getty Images", {"agency": "Getty Images", "photographer": "Ana Costa"}),
    ("A man cycles past election posters in Harare July 30, 2013. [Photo/Agencies]",
     {"photographer": "", "city": "Harare"}),  # China Daily's "agencies" names no one
    ("Pessoas atravessam uma ponte em Irpin Foto: ANA COSTA/AGENCJA WYBORCZA / Agencja Wyborcza.pl via REUTERS",
     {"agency": "Reuters", "photographer": "ANA COSTA"}),  # the chain starts at the site's label
    ("September 2015, Tovarnik, Kroatien: Ein Mann wartet auf einen Zug. (© picture-alliance/dpa)",
     {"city": "Tovarnik", "country_code": "HR", "region": ""}),  # the city before its country, a month no region
    ("Fans watch a screening in a park of the match at the 2014 World Cup in Brazil, June 18, 2014. "
     "(Photo by Ana Costa/AFP)", {"city": ""}),  # an event is no town
    ("Swans rest at a reservoir in the Kazak Autonomous County of Aksay in northwest China's Gansu Province. "
     "(Photo by Ana Costa/Xinhua)", {"city": "Aksay"}),
    ("Flüchtlinge warten auf einen Zug in Richtung Mitteleuropa. Foto: Ana Costa", {"city": ""}),  # "towards"
    ("A woman walks past a damaged building on Koshytsa Street, a suburb of Kyiv | Ana Costa/AFP via Getty Images",
     {"city": ""}),  # a street is no town
    ("Omar, a Syrian man from Aleppo, cooks at his restaurant in Kilis province, Turkey, December 1, 2016. "
     "REUTERS/Ana Costa", {"city": "", "country_code": "TR"}),  # a hometown is not where the picture was taken
    ("Poland: Worshippers pray at a wooden mosque in the village of Kruszyniany.\n\n (Ana Costa / EPA/Shutterstock)",
     {"country_code": "PL", "subject": "Worshippers pray at a wooden mosque."}),  # a gallery's headline country
    ("Carp streamers fly in Higashimatsushima in Miyagi Prefecture on Children's Day. (Kyodo)",
     {"city": "Higashimatsushima", "region": "Miyagi Prefecture"}),  # a holiday after "on" is no part of the place
    ("Families rest in a school, which was turned into a shelter in Kochi, India, August 18, 2018. REUTERS/Ana Costa",
     {"city": "Kochi", "country_code": "IN"}),  # a which-clause that ends in a known town names the place
    ("Farmers work in Lianhe Village on the border between south China's Guangxi Zhuang Autonomous Region and "
     "southwest China's Guizhou Province, July 18, 2024. (Xinhua/Ana Costa)",
     {"city": "Lianhe Village", "country_code": "CN"}),  # a long border phrase locates; its one country is the place's
    ("Casas danificadas após um bombardeio em Bila Tserkva Foto: CITY POLICE / CITY POLICE via REUTERS",
     {"city": "Bila Tserkva", "country_code": "UA"}),  # a label ends the walk left over the chain
    ("Moradores limpam a rua em Lviv Foto: REUTERS/Ana Costa", {"city": "Lviv", "photographer": "Ana Costa"}),
    ("Rain stops play at the ground in Kochi. Photograph: Ana Costa/Reuters", {"photographer": "Ana Costa"}),
    ("Tea pickers work at Dongli village in Anqing, in east China's Anhui province on May 2, 2024. (Photo by AFP)",
     {"city": "Dongli", "country_code": "CN"}),  # the village, not the city that locates it
    ("Snow covers roofs in Xiaoping Village of Huangshan, east China's Anhui Province. (Photo by Ana Costa/Xinhua)",
     {"city": "Xiaoping Village", "country_code": "CN"}),
    ("People queue to vote in Epworth township outside Harare on Monday, July 30, 2018. (AP Photo/Ana Costa)",
     {"city": "Epworth", "country_code": "ZW"}),  # an unknown town: the country of the one it is near
    ("Shepherds rest in Dardpora near Srinagar June 2, 2012. REUTERS/Ana Costa", {"country_code": "IN"}),
    ("Fire guts shacks in Khayelitsha township in Cape Town, South Africa, May 3, 2022. REUTERS/Ana Costa",
     {"city": "Cape Town"}),  # a township in a city is a part of it
    ("Athletes train at the Olympic Village in Paris, France, July 2, 2024. REUTERS/Ana Costa", {"city": "Paris"}),
    # Credits that newspapers rewrite
    ("Runners race the bulls in Pamplona on Sunday, July 7, 2024. Ana Costa (AP)",
     {"agency": "AP", "photographer": "Ana Costa"}),  # the name, then the agency in brackets
    ("Um bombeiro combate o fogo em Sarnada, Portugal.ANA COSTA (EFE)",
     {"agency": "EFE", "photographer": "ANA COSTA", "country_code": "PT"}),  # glued to the sentence
    ("A runner falls in Pamplona on Monday morning.Sam Reyes (REUTERS)", {"photographer": "Sam Reyes"}),
    ("Crowds cheer in Pamplona, Spain on July 6, 2024. REUTERSAna Costa (REUTERS)", {"photographer": "Ana Costa"}),
    ("Fans wave flags at the fan zone in Moscow. Ana Costa, AP", {"agency": "AP", "photographer": "Ana Costa"}),
    ("Debris lies in Mayfield, Kentucky, on December 15, 2021.\nANA COSTA, AFP Via Getty Images",
     {"agency": "AFP", "photographer": "ANA COSTA", "intermediaries": ["Getty Images"]}),
    ("Shoppers crowd a market in Kaduna, Nigeria, on Sunday, April 8, 2012. (AP Photos/Ana Costa)",
     {"agency": "AP", "photographer": "Ana Costa"}),
    ("Crowds gather in Abuja, Nigeria, on Thursday, April. 26, 2012. (AP Photo/Ana Costa)",
     {"date": dt.date(2012, 4, 26)}),  # a stray period after the month ends no sentence
    ("Pilgrims circle the Kaaba in Mecca. (SPA)", {"agency": "Saudi Press Agency"}),
    ("Des enseignants défilent dans le cortège. Ana Costa/Hanslucas", {"agency": "Hans Lucas"}),
    ("Ana Costa/Anadolu Agency via Getty Images\nVolunteers clear debris in Mayfield, Kentucky, on Dec. 12, 2021.",
     {"agency": "Anadolu", "photographer": "Ana Costa", "city": "Mayfield"}),  # the credit on the first line
    ("© Kyodo\n\nRescuers carry a woman through a flooded street in Hitoyoshi on July 5.", {"agency": "Kyodo"}),
    ("The Yomiuri Shimbun\nA boat lies on a pier in Noto, Ishikawa Prefecture, on Thursday.",
     {"agency": "Yomiuri Shimbun", "country_code": "JP"}),
    ("© Ana COSTA / Divergence\n\nParis le 23/03/2023. Une femme brandit une pancarte.",
     {"agency": "Divergence", "photographer": "Ana COSTA"}),
    ("Heavy rain\nA man walks in the rain in Osaka, Japan. (Kyodo)", {"agency": "Kyodo"}),  # a headline is no credit
    ("A skier falls in the northern Bohemian town of Jilemnice February 21, 2015. (Photo by Ana Costa/Reuters)",
     {"city": "Jilemnice", "country_code": "CZ"}),  # a region's adjective gives its country
    ("A farmer dries chillies in Karad village in Satara district of Maharashtra, May 4, 2016. REUTERS/Ana Costa",
     {"city": "Karad", "region": "Maharashtra"}),  # the village before the district's town
    ("Farmers wade through a flooded field in Kalahandi village in Assam on Tuesday. Pic/PTI",
     {"agency": "PTI", "photographer": ""}),  # "Pic" is no name
    ("Pilgrims walk in Óbidos, no oeste do Pará, em 28 de julho de 2019 (Foto: Ana Costa/Folhapress)",
     {"city": "Óbidos", "region": "Pará", "country_code": "BR"}),  # a state of Brazil, not a town
    ("Tourists walk in the snow at Pahalgam in Anantnag district of Jammu and Kashmir on December 2, 2024. (ANI Photo)",
     {"country_code": "IN", "region": "Jammu and Kashmir"}),
    ("Girls in national dress dance at a new year fair in BishkekPicture: EPA/ANA COSTA Credit: EPA/ANA COSTA",
     {"city": "Bishkek", "photographer": "ANA COSTA", "subject": "Girls in national dress dance at a new year fair."}),
    ("A rider falls during a Kok-boru game in the Kyrgyz capital BishkekPicture: REUTERS/Ana Costa",
     {"city": "Bishkek", "photographer": "Ana Costa"}),  # a label glued to the last word
    ("Families queue for water in a camp in Baidoa (Somalia), February 13, 2022 ANA COSTA AFP",
     {"agency": "AFP", "photographer": "ANA COSTA"}),  # a name in capitals, then the agency
    ("Boys play football in a village in North Darfur, 04 Dec, 2008. The camp was built by its people. (Ana Costa)",
     {"agency": "", "photographer": "Ana Costa"}),  # a name alone in brackets after the last sentence
    ("Teams race dragon boats in Zigui.\n\nPhoto: Str Ana Costa / AFP / East News",
     {"agency": "AFP", "photographer": "Ana Costa"}),  # "Str": a stringer
    ("Guests arrive for a concert on the South Lawn of the White House\nANA COSTA/GETTY IMAGES",
     {"city": "", "country_code": "US"}),  # not Casablanca, whose other name it is
    ("A mother holds her son at a clinic in Tafawa in Nigeria's northern Bauchi State. (AP Photo/Ana Costa)",
     {"city": "Tafawa", "country_code": "NG"}),  # the town before "Country's <direction> <Region>"
    ("Farmers pick apples in an orchard in northwest China's Gansu province, Sept. 3, 2024. (Xinhua/Ana Costa)",
     {"city": "", "country_code": "CN"}),  # a province in lower case names no city
    ("Crews search the ruins of a warehouse in Dawson Springs, Ky. After the storm the town was dark. (AP Photo/Ana Costa)",
     {"country_code": "US", "region": "Ky."}),  # a state's abbreviation ends the sentence before "After"
    ("07201234 ©ANA COSTA/EPA/MAXPPP LYON 20181201 Marchers cross a bridge over the Rhone during a protest.",
     {"agency": "EPA-EFE", "photographer": "ANA COSTA", "city": "LYON", "country_code": "FR",
      "date": dt.date(2018, 12, 1), "intermediaries": ["MAXPPP"]}),  # MAXPPP's copy: number, credit, place, date
    ("Lanterns float in Kesennuma in Miyagi Prefecture on Marine Day in Japan. (Kyodo)",
     {"city": "Kesennuma", "region": "Miyagi Prefecture", "country_code": "JP"}),  # the town before the prefecture
    ("Streamers fly in Ishinomaki in Miyagi Prefecture on Children's Day in Japan -- in memory of those lost in "
     "the tsunami that struck the region. (Kyodo)", {"city": "Ishinomaki"}),  # a dash opens a clause
    ("Smoke hangs over the village of Lipljan on the outskirts of Pristina on January 9, 2019. REUTERS/Ana Costa",
     {"city": "Lipljan", "country_code": "XK"}),  # the outskirts' city only locates the village
    ("The mayor opens a school on a visit to the southern coastal town of Sedove, May 3, 2015. REUTERS/Ana Costa",
     {"city": "Sedove"}),  # "the ... town of" marks a town without "in"
    ("Herders water camels near the village of Tanout in the southern Zinder region of Niger on May 2, 2013. "
     "REUTERS/Ana Costa", {"city": "Tanout", "region": "Zinder region", "country_code": "NE"}),
    ("Children wade through a flooded road in Marikina city, metro Manila August 2, 2016. REUTERS/Ana Costa",
     {"city": "Marikina city", "region": "metro Manila", "country_code": "PH"}),  # the town, not the metro area
    # Credits
    ("Guests arrive for a premiere in Los Angeles on May 2, 2023. Photo by Ana Costa/UPI | License Photo",
     {"agency": "UPI", "photographer": "Ana Costa", "notes": ["License Photo"]}),  # UPI's sales link after the credit
    ("The minister meets farmers in Jericho. WAFA photo by Ana Costa.",
     {"agency": "WAFA", "photographer": "Ana Costa"}),  # the agency, "photo by", the name
    ("Manifestantes marchan por la avenida principal de Valparaíso. Foto Ana Costa / Aton Chile vía Ap",
     {"agency": "AP", "photographer": "Ana Costa", "intermediaries": ["Aton Chile"]}),  # Spanish "vía"
    ("Des usagers attendent sur le quai d'une gare de la SNCF. Ana Costa/Réa",
     {"agency": "REA", "photographer": "Ana Costa"}),  # a sentence that ends with an acronym
    ("Ana Costa/The Courier-Journal/Tribune News Service via Getty Images\nVolunteers sort donations in "
     "Mayfield, Kentucky, on Dec. 12, 2021.", {"agency": "Tribune News Service", "photographer": "Ana Costa"}),
    ("Fans gather outside the arena on June 7, 2018 in Washington, DC.ANA COSTA/Getty Images",
     {"agency": "Getty Images", "photographer": "ANA COSTA"}),  # a credit glued to the period
    ("The leader at his desk in Ashgabat shortly before his death in 2006Photograph: Ana Costa/dpa/Corbis",
     {"agency": "dpa", "photographer": "Ana Costa"}),  # a label glued to a year
    ("A boat carries the idol across the river in KolkataImage: Ana Costa/HT via Getty Images",
     {"photographer": "Ana Costa", "city": "Kolkata"}),
    ("Fans celebrate a famous win in the group stage at the World CupsANA COSTA/PA",
     {"agency": "PA", "photographer": "ANA COSTA"}),  # a credit in capitals that lost its line break
    ("Soldiers dig trenches in Ukraine's Kharkiv region on March 4, 2022.\nAna Costa | AFP | Getty Images",
     {"agency": "AFP", "photographer": "Ana Costa", "intermediaries": ["Getty Images"]}),  # piped parts
    ("Delegates arrive for a meeting in Moscow, Russia on March 4, 2022.\nAna Costa | Sputnik | via Reuters",
     {"agency": "Reuters", "photographer": "Ana Costa", "intermediaries": ["Sputnik"]}),
    ("[2/6] Trucks queue at a border crossing near Meghri, Armenia, May 3, 2023. REUTERS/Ana Costa "
     "Acquire Licensing Rights", {"photographer": "Ana Costa", "notes": ["Acquire Licensing Rights"]}),
    ("Police guard a square in Colombo, July 9, 2022.\n\n© 2022 Ana Costa/NurPhoto via AP",
     {"agency": "NurPhoto", "photographer": "Ana Costa"}),  # the copyright's year is no name
    ("(BelaPAN Photo/Ana Costa)\nActivists gather in a square in Minsk on Friday.",
     {"agency": "BelaPAN", "photographer": "Ana Costa", "city": "Minsk"}),  # a bracketed credit above the caption
    ("Crowds celebrate the spring holiday\nPhoto credit: Ana Costa/Kazinform", {"agency": "Kazinform"}),
    ("A boat ferries villagers across a flooded field in Sirajganj, Bangladesh. Copyright: BRAC/Ana Costa",
     {"photographer": "Ana Costa"}),  # "Copyright:" labels a credit
    ("Captains pose with the trophy at the launch. Picture:Â INPHO", {"agency": "INPHO", "photographer": ""}),
    # Places after the date, Xinhua's municipalities and leagues, headlines
    ("A mural is seen on a wall of a damaged school in Makariv on November 10, 2022 in Kyiv Region, Ukraine. "
     "(Photo by Ana Costa/Getty Images)", {"city": "Makariv", "region": "Kyiv Region", "country_code": "UA"}),
    ("Runners start the race in southwest China's Chongqing Municipality, March 3, 2024. (Xinhua/Ana Costa)",
     {"city": "Chongqing", "country_code": "CN"}),  # a municipality is its city
    ("Riders cross a meadow in Ulanhot City of Hinggan League, north China's Inner Mongolia Autonomous Region, "
     "July 2, 2024. (Xinhua/Ana Costa)", {"city": "Ulanhot", "country_code": "CN"}),
    ("Ferry arrives in Hokkaido\nSAPPORO, Japan - A ferry docks at the port, May 17, 2011. (Kyodo)",
     {"city": "SAPPORO", "country_code": "JP"}),  # a headline's place does not run into the dateline
    # Newspapers that syndicate their pictures: the credit's organisation, named
    ("Guests arrive before the awards at a theater in Los Angeles, March 4, 2018. (Ana Costa/The New York Times)",
     {"agency": "The New York Times", "photographer": "Ana Costa"}),
    ("Villagers dry noodles in a yard in Linyi, Shandong province, in June last year. ANA COSTA/FOR CHINA DAILY",
     {"agency": "China Daily", "photographer": "ANA COSTA"}),
    ("Soldiers march along the avenue in New Delhi on January 26, 2025. (Photo by Ana Costa/Hindustan Times "
     "via Getty Images)", {"agency": "Getty Images", "intermediaries": ["Hindustan Times"]}),  # a guard: Getty licenses it
    ("Wrestlers line up in the ring in Tokyo on Jan. 9, 2011. (Photo: AP-Yonhap)",
     {"agency": "AP", "photographer": "", "intermediaries": ["Yonhap"]}),  # a two-letter partner before the dash
    ("Dans le district de Thatta, des familles attendent sur une digue. AFP - ANA COSTA",
     {"agency": "AFP", "photographer": "ANA COSTA"}),  # the agency, a dash, the name
    ("Ana Costa, Reuters/NTB scanpix\n\nUngdommer koser seg i snøen i åsene rundt Kabul.",
     {"agency": "Reuters", "photographer": "Ana Costa", "intermediaries": ["NTB"]}),  # the credit's line on top
    ("Commuters wait for a tram in the snow.\n- Package: Winter\n- Location: Kazan, Russia\n"
     "- Event date: 03.02.2021\n- Author: Ana Costa\n- Credit: Sputnik",
     {"agency": "Sputnik", "photographer": "Ana Costa", "city": "Kazan", "country_code": "RU",
      "date": dt.date(2021, 2, 3), "notes": ["Package: Winter"]}),  # an image bank's fields after the caption
    ("A model presents a creation during a show in Milan, Friday, February23, 2018. (AP Photo/Ana Costa)",
     {"date": dt.date(2018, 2, 23)}),  # the month glued to the day
    ("Models present the label's collection during the Milan Fashion Week.Photo: AP Photo/Ana Costa",
     {"city": "Milan", "photographer": "Ana Costa"}),  # a label glued to the period
    ("A model walks the runway during the Madrid' s Fashion Week on July 9, 2018. (Photo by Ana Costa/AFP Photo)",
     {"city": "Madrid", "country_code": "ES"}),  # a possessive with a stray space
    ("Fans dance in the rain at Worthy Farm, Pilton, Somerset, at the 2005 Glastonbury Festival, 24 June 2005. "
     "(Photo by Ana Costa/Getty Images)", {"city": "Pilton", "country_code": "GB"}),  # the town before the event
    ("Floodwaters cover the suburb of Rocklea in BrisbaneCredit: REX FEATURES",
     {"agency": "Shutterstock", "city": "Brisbane"}),  # a "Credit:" label glued to the place
    ("Fans greet the team bus in Ennis. Pic: INPHO/Ana Costa", {"agency": "INPHO", "photographer": "Ana Costa"}),
    ("Homem atravessa via alagada de Porto Alegre — Foto: Ana Costa/Enquadrar/Estadão Conteúdo",
     {"agency": "Estadão Conteúdo", "photographer": "Ana Costa"}),
    ("Foto Ana Costa/FR155492 AP/dpa\nEine Schule in New Port Richey dient als Notunterkunft.",
     {"agency": "AP", "intermediaries": ["dpa"]}),  # a transmission code before the agency
    ("Sheep graze by a dry pond in the village of Bullas in Murcia. Ana Costa Getty Images",
     {"agency": "Getty Images", "photographer": "Ana Costa"}),  # a name, then the agency, no slash
    ("A man casts his vote in Maracaibo, Venezuela, on November 21, 2021. (Photo by Ana Costa/Anadolu Agency via "
     "Getty Images) / Anadolu Agency", {"agency": "Anadolu", "photographer": "Ana Costa"}),  # the agency said twice
    ("Soldados vigilan la playa en Ceuta, a 18 de mayo de 2021, en Ceuta, (España\n\nana costa / europa press",
     {"agency": "Europa Press", "photographer": "ana costa"}),  # a credit line in lower case
    ("La valla de Melilla es una de las fronteras más vigiladas de la Unión Europea. Ana Costa",
     {"agency": "", "photographer": "Ana Costa"}),  # a name alone after the last sentence
    ("Hinchas festejan en la avenida 9 de julio. Foto Ana Costa", {"photographer": "Ana Costa"}),
    ("Smoke rises over the town centre of Zlin. Profimedia Images", {"photographer": ""}),  # an organisation, no name
    ("MARACAIBO, VENEZUELA - NOVEMBER 21: A man casts his vote in Maracaibo, Venezuela, on November 21, 2021. "
     "(Photo by Ana Costa/Anadolu Agency via Getty Images) / Anadolu Agency",
     {"agency": "Anadolu", "photographer": "Ana Costa"}),  # the repeat after Getty's own format too
    ("Una mujer ondea una bandera en El Alto, cerca de La Paz.\nFOTO Reuters", {"agency": "Reuters"}),
    ("Runners cross the bridge during the city marathon on Sunday morning. (Chinanews/ Ana Costa)",
     {"agency": "China News Service", "photographer": "Ana Costa"}),
    ("Flooded fields at Kuchiani | Photo: PTI\n\nA herd of cattle wades through a flooded area at Kuchiani in Morigaon district.",
     {"agency": "PTI", "city": "Kuchiani"}),  # a headline, then its credit after a pipe
    # Places
    ("Cows shelter on a bank at Burrowbridge near Bridgwater southwest England, November 26, 2012. REUTERS/Ana Costa",
     {"city": "Burrowbridge", "country_code": "GB"}),  # a compass point and the country, no comma
    ("Sandbags line a street in the village of Muchelney in Somerset in southwest England, February 4, 2014. "
     "REUTERS/Ana Costa", {"city": "Muchelney", "region": "Somerset"}),  # a village, its county, the country
    ("A surfer waits for a wave on Fistral beach in Cornwall. Picture date: Monday May 3, 2021. "
     "Photo credit should read: Ana Costa/PA Wire", {"city": "Fistral", "region": "Cornwall"}),
    ("Water pours over a wall in Leeds City Centre, in northern England, December 26, 2015. REUTERS/Ana Costa",
     {"city": "Leeds", "country_code": "GB"}),
    ("Goats graze in the village of Los Royos in Murcia. Ana Costa Getty Images",
     {"city": "Los Royos", "country_code": "ES"}),  # the village, not the town that locates it
    ("A dry riverbed in the village of Campillo de los Jiménez, Murcia. REUTERS/Ana Costa",
     {"city": "Campillo de los Jiménez", "country_code": "ES"}),  # ... also before a comma
    ("Camels rest by a dry well in Dhubato town of southern Burao, in Somaliland. REUTERS/Ana Costa",
     {"city": "Dhubato"}),  # "<Town> town of <City>"
    ("Um carro é arrastado pela água em Caxias do Sul (RS) – Imagem: Ana Costa/AFP",
     {"city": "Caxias do Sul", "country_code": "BR"}),  # a state's abbreviation in brackets
    ("A dry reservoir in the Castilla–La Mancha region. Ana Costa Getty Images",
     {"country_code": "ES"}),  # a region printed with an en dash
    ("Cracked earth at the bottom of a reservoir in the region of Murcia. Ana Costa Getty Images",
     {"country_code": "ES"}),  # the region's namesake city gives its country
    ("Guardias civiles atienden a los migrantes que han llegado a Melilla procedentes de Marruecos, a 2 de marzo de "
     "2022, en Melilla (España). - Ana Costa - Europa Press", {"city": "Melilla", "country_code": "ES"}),
    ("Warga menari saat upacara adat di Desa Tenganan, Karangasem, Bali, Sabtu (2/3/2024). ANTARA FOTO/Ana Costa",
     {"city": "Tenganan", "country_code": "ID"}),  # "Desa X": a village, before its regency
    ("Photo: NARYAN-MAR, RUSSIA – MARCH 12, 2022: Herders race reindeer sleds on the frozen river in Naryan-Mar.",
     {"city": "Naryan-Mar", "date": dt.date(2022, 3, 12)}),  # a page's label before the dateline
    ("Helfer räumen Trümmer neben zerstörten Häusern im Donbass. © Ana Costa/AP/dpa",
     {"region": "Donbass", "country_code": "UA"}),  # a German noun, "im", a region
    ("Wanderer rasten am Seeufer von Thun im Berner Oberland, am Sonntag, 24. Juli 2022. (KEYSTONE/Ana Costa)",
     {"city": "Thun", "country_code": "CH"}),  # a known town before "im" and its region
    ("Drivers line up on the grid at Silverstone, England, July 5, 2020. © Copyright: Ana Costa / Apex Images",
     {"photographer": "Ana Costa", "intermediaries": ["Apex Images"]}),  # "Copyright:" labels, "Images" names an org
    ("Handlare på torget i Göteborg den 3 maj 2024. Fotograf: Ana Costa/TT", {"photographer": "Ana Costa"}),
    ("Penitentes cargan una imagen en la procesión en Antigua (Guatemala). Ana Costa Ana Costa (EFE)",
     {"agency": "EFE", "photographer": "Ana Costa"}),  # a name printed twice
    ("A lantern made of bamboo lights a night market in Tainan. Ana Costa / Xinhua |",
     {"agency": "Xinhua", "photographer": "Ana Costa"}),  # a page's separator after the credit
    ("The minister opens a trade fair at the exhibition centre. — KUNA photos", {"agency": "KUNA"}),
    ("Workers plant oil palm seedlings in Sarawak. – BERNAMAPIC", {"agency": "Bernama"}),
    ("Visitors walk under cherry blossoms in a park in Daegu. (Yonhap)\nPhotos by Ana Costa",
     {"agency": "Yonhap", "photographer": "Ana Costa"}),  # the agency's bracket, then the photographer's line
    ("Artists perform at a festival in Kolkata on December 5, 2024.(Photo: Ana Costa /IBNS)",
     {"agency": "IBNS", "photographer": "Ana Costa"}),
    ("Pupils at a school in Pasig City receive ash on their foreheads on Ash Wednesday, Feb. 14, 2024. (Ana Costa)",
     {"city": "Pasig City", "country_code": "PH"}),  # "Ash" before the date's weekday is the holiday's
    ("Villagers dry chillies in Dongshan Village of Xinfeng Town, Lishui City, east China's Zhejiang Province, "
     "Oct. 3, 2023. (Xinhua/Ana Costa)", {"city": "Dongshan", "country_code": "CN"}),  # the village, then its town and city
    ("Workers pick apples in Qiaotou District of Xingtai City, north China's Hebei Province, Oct. 3, 2023. "
     "(Photo by Ana Costa/Xinhua)", {"city": "Xingtai"}),  # a district of the city, inside one name
    ("Una procesión recorre las calles en Nahuizalco en El Salvador.Ana Costa (REUTERS)",
     {"city": "Nahuizalco", "country_code": "SV"}),  # Spanish "en X en <Country>"
    ("A lamb stands in a pen on the island of Sicily, in Castelbuono, Italy, April 2, 2021. REUTERS/Ana Costa",
     {"city": "Castelbuono", "country_code": "IT"}),  # an island before the town is no town
    ("Passengers board a plane at Kumamoto airport in southwestern Japan, May 2, 2021. (Kyodo)",
     {"city": "Kumamoto", "country_code": "JP"}),  # "<Town> airport in <direction> <Country>"
    # Guards for this stop's credit and place rules (each would misread without its check)
    ("The chancellor shakes hands with U.S. President Joe Biden", {"photographer": ""}),  # no sentence ends at "U.S."
    ("Crowds gather outside the abbey in London. Prince William", {"photographer": ""}),  # a title, not a name
    ("Supporters cheer in Manhattan. Mayor Michael Bloomberg", {"agency": "", "photographer": ""}),  # a surname
    ("Turkish President Tayyip Erdogan, REUTERS", {"agency": "Reuters", "photographer": ""}),
    ("Tourists walk in Greenwich Village, Manhattan, New York City, U.S., May 3, 2024. REUTERS/Ana Costa",
     {"city": "New York City"}),  # a quarter called "Village" is no village
    ("Soldiers rest near Orikhiv in a trench on June 15, 2023 in Zaporizhzhia Oblast, Ukraine. "
     "(Photo by Ana Costa/Getty Images)", {"city": "Orikhiv"}),  # the lead that names a town, not the latest
    ("Volunteers bring:\n- Water: 20 litres\n- Food: rice\nThey met in Lviv on Monday.\n- Author: Ana Costa\n"
     "- Credit: Sputnik", {"agency": "Sputnik", "city": "Lviv"}),  # the bank's block is the last run of lines
    # Stop 17 (round AG): our own sentences in the forms that round met
    ("Helfer suchen nach einer Schlammlawine in Guaruja, Brasilien / Ana Costa / Reuters",
     {"agency": "Reuters", "photographer": "Ana Costa", "intermediaries": [], "city": "Guaruja",
      "country_code": "BR"}),  # a sentence before " / Name / Agency" is no partner agency
    ("Supporters wait outside the KwaZulu-Natal High Court. REUTERS/Ana Costa",
     {"region": "KwaZulu-Natal", "country_code": "ZA"}),  # a court named after its province
    ("Supporters wait outside the KwaZulu Natal High Court. REUTERS/Ana Costa",
     {"country_code": "ZA"}),  # the province printed without its hyphen
    ("Floodwater surrounds cars in Brooklyn, New York, U.S. (Credit Image: © Ana Costa/Xinhua via ZUMA Press)",
     {"agency": "Xinhua", "photographer": "Ana Costa", "intermediaries": ["ZUMA"]}),  # ZUMA's label and ©
    ("TULSA, OK - MAY 2: Volunteers hand out water on May 2, 2024 in Tulsa, Oklahoma. (Photo by Ana Costa/Getty "
     "Images)\n— Ana Costa / Getty Images North America",
     {"agency": "Getty Images", "photographer": "Ana Costa", "city": "Tulsa"}),  # a gallery repeats the credit
    ("Soldiers patrol a village in the north of the country. - Foto: Ana Costa/AP/dpa",
     {"agency": "dpa", "country_code": ""}),  # AP's picture through dpa: not taken in Germany
    ("Soldiers patrol in Kaduna, Nigeria. Foto: Ana Costa/AP/dpa", {"country_code": "NG"}),  # guard
    ("Runners pass through Drummond during the ultramarathon. Picture: Ana Costa/BackpagePix",
     {"agency": "BackpagePix", "photographer": "Ana Costa"}),
    ("The team poses at the stadium in Alexandria, Egypt.\nAna Costa/Copyright 2018 The AP. All rights reserved.",
     {"agency": "AP", "photographer": "Ana Costa", "city": "Alexandria"}),  # the agency as a copyright line
    # Stop 17 (round AF): national agencies of Europe
    ("Storks nest in the village of Sveshtari, Razgrad region. Photo: BTA",
     {"agency": "BTA", "country_code": "BG", "intermediaries": []}),
    ("A new flight to Budapest was announced today. MTI Photo: Ana Costa",
     {"agency": "MTI", "photographer": "Ana Costa"}),  # the agency before the label
    ("Foto: Ana Costa/PIXSELL\n\nMost people spend Easter at home in Zagreb.",
     {"agency": "Pixsell", "photographer": "Ana Costa"}),
    ("The village lies on the river's left bank.\nFoto: (c) Ana COSTA / Arhiva AGERPRES",
     {"agency": "Agerpres", "photographer": "Ana COSTA"}),  # the agency's archive
    ("Residents pump water from a garage in the town of Jelenia Gora in south-western Poland, September 15, 2024. "
     "REUTERS/Ana Costa", {"city": "Jelenia Gora", "country_code": "PL"}),  # a hyphenated direction
    ("Holidaymakers watch cow fighting in the ski and spa resort of Leukerbad on March 12.\n(Keystone/Ana Costa)",
     {"city": "Leukerbad", "country_code": "CH"}),  # "resort of X", as "town of X"
    ("Tourists swim in the Black Sea resort of Sozopol. REUTERS/Ana Costa", {"city": "Sozopol"}),  # capitalised words before it
    ("Revellers dance in St. Mark's Square, Venice, Italy, Sunday, Feb. 15, 2025. (AP Photo/Ana Costa)",
     {"city": "Venice", "country_code": "IT"}),  # a square is no town
    ("The northeast Bulgarian town of Isperikh puts up its spring decorations. Photo: BTA",
     {"city": "Isperikh", "country_code": "BG"}),  # the town as the sentence's subject
    ("For the 14th year in a row, the seaside town of Sozopol hosts a youth festival. Photo: BTA",
     {"city": "Sozopol"}),  # ... after a first clause
    ("The city of Lyon hosts a light festival, December 8, 2024. REUTERS/Ana Costa", {"city": "Lyon"}),  # a known city too
    ("Bombeiros combatem as chamas em Figueiro dos Vinhos em 18 de junho. (Ana Costa / AFP / Getty Images)",
     {"city": "Figueiro dos Vinhos"}),  # a day without its year after the town
    ("Firefighters rest in Pedrogao Grande on June 18. (Ana Costa / AFP / Getty Images)",
     {"city": "Pedrogao Grande"}),  # guard: the English form read before
    # Stop 17 (round AH)
    ("Demonstrators in South Africa call on the government to act. REUTERS/Ana Costa",
     {"city": "", "country_code": "ZA"}),  # a two-word country before a verb
    ("On Saturday, demonstrators in Kenya call on the government to act. [Ana Costa/REUTERS]",
     {"city": "", "country_code": "KE"}),  # a weekday is no town
    ("Motorists drive through a sandstorm in Libya's eastern city of Benghazi on the same day. [Ana Costa/AFP]",
     {"city": "Benghazi"}),  # "on the same day" after the place
    ("A couple dances in the streets of Ethiopia at their wedding. [ANA COSTA]",
     {"photographer": "ANA COSTA", "city": ""}),  # a name alone in square brackets
    ("People gather in the snow, Sunday, Dec. 14, 2025, in the Brooklyn Borough of New York. (AP Photo/Ana Costa)",
     {"city": "New York", "country_code": "US"}),  # the borough, then its city
    ("Workers shade themselves in Vilanova i la Geltru, near Barcelona, on June 28, 2023. (Photo by Ana Costa / AFP)",
     {"city": "Vilanova i la Geltru", "country_code": "ES"}),  # Catalan "i la" inside a name
    ("Kor på bete i Sala i Västmanland. Foto: Ana Costa/TT", {"city": "Sala"}),  # guard: Nordic "i" is "in"
    ("Volunteers pray at a memorial Sunday, May 26, 2013, in Moore, Okla. Cleanup continues after a tornado roared "
     "through the Oklahoma City suburb Monday. (AP Photo/Ana Costa)", {"city": "Moore"}),  # a state's period ends the sentence
    # Stop 17 (round AI): local pictures in Ireland, Britain, Canada, Australia
    ("A boat sits on the quay after the storm in Kinvara, Co Galway. Photograph: Ana Costa/Xposure",
     {"agency": "Xposure", "city": "Kinvara", "country_code": "IE"}),  # "Co" for County, no period
    ("Flooding in New Ross, Co. Wexford. Picture: Ana Costa/Provision",
     {"agency": "Provision", "city": "New Ross", "country_code": "IE"}),
    ("Image source, PA\nImage caption,\nThe bridge in Cawood has been overwhelmed",
     {"agency": "PA", "city": "Cawood"}),  # the BBC's labels before the caption
    ("image copyrightAna Costa/PA\nimage captionIn Nenthead, Cumbria, snow covers an old caravan",
     {"agency": "PA", "photographer": "Ana Costa", "city": "Nenthead"}),
    ("Photo: A farmer stands in a dried-up dam on his property. (Reuters: Ana Costa)",
     {"agency": "Reuters", "photographer": "Ana Costa"}),  # the ABC's "(Source: Name)"
    ("Photo: Farmers have run out of feed. (Supplied: Ana Costa)", {"agency": "", "photographer": "Ana Costa"}),
    ("Alain marche vers sa maison inondée à Rigaud.\nPhoto : La Presse canadienne / Ana Costa",
     {"agency": "Canadian Press", "photographer": "Ana Costa", "city": "Rigaud"}),
    ("16 avril 2017 - Beauce\nPHOTO ANA COSTA/TVA NOUVELLES/AGENCE QMI\nLa rivière inonde les champs.",
     {"agency": "Agence QMI", "date": dt.date(2017, 4, 16)}),  # the date on the line above the credit
    ("A car sits submerged in the New South Wales town of Taree. Photo: Supplied/Instagram",
     {"city": "Taree", "country_code": "AU"}),  # the region in the lead, not the Wales inside it
    ("The town of Westport on the West Coast has been flooded.PHOTO: THE NEW ZEALAND HERALD",
     {"city": "Westport", "country_code": ""}),  # a small town's name alone tells no country
    # Stop 18 (round AH's misses): holidays and a comma left out
    ("Pilgrims light candles on the eve of Orthodox Easter in Ethiopia's Amhara region. REUTERS/Ana Costa",
     {"city": "", "country_code": "ET"}),  # a holiday's name is no town
    ("Ahead of Children's Day, marked in Japan on May 5, kites fly over a school. (Kyodo)",
     {"city": "", "country_code": "JP"}),
    ("Lanterns glow during Chinese New Year in Malaysia's Johor state. REUTERS/Ana Costa",
     {"city": ""}),  # a guard: passed before the rule
    ("Boys fly kites on a roof in Lahore's old city on Pakistan's Independence Day. (Photo by Ana COSTA / AFP)",
     {"city": "Lahore"}),
    ("A swimmer dives into an ice hole in the Moskva River Moscow, Russia, January 19, 2024. (AP Photo/Ana Costa)",
     {"city": "Moscow", "country_code": "RU"}),  # the river, then the city, without a comma
    ("Smoke rises over the Paradise community in Butte County, Calif., on Nov. 9, 2018. (AP Photo/Ana Costa)",
     {"city": "Paradise", "region": "Calif.", "country_code": "US"}),  # a community named in a county
    ("Crews work in the Altadena neighborhood of Los Angeles County, Calif. (AP Photo/Ana Costa)",
     {"city": "Altadena", "country_code": "US"}),
    ("Gulls are washed in the village of Blagoveshchenskaya near the Black Sea resort of Anapa, Russia, "
     "December 21, 2024. (Photo by Ana COSTA / AFP)", {"city": "Blagoveshchenskaya", "country_code": "RU"}),
    ("Gunners fire in the village of Novomykhailivka near the town of Vuhledar, Ukraine, March 3, 2023. "
     "REUTERS/Ana Costa", {"city": "Novomykhailivka", "country_code": "UA"}),  # the town only locates the village
    ("Am schlimmsten traf das Wasser die Stadt Canoas. - Foto: Ana Costa/AP/dpa",
     {"city": "Canoas", "country_code": "BR"}),  # German "die Stadt X": the word for town is no part of the name
    ("Feuerwehrleute arbeiten in der Gemeinde Eschweiler. Foto: Ana Costa/dpa", {"city": "Eschweiler"}),
    ("Water covers the town of Condamine, about 300km (186 miles) north west of Brisbane, Australia, "
     "January 2, 2011. REUTERS/Ana Costa", {"city": "Condamine", "country_code": "AU"}),  # "north west" as two words
    ("Smoke rises in Bilpin, north west of Sydney, Australia, December 21, 2019. REUTERS/Ana Costa",
     {"city": "Bilpin"}),
    # A town keeps its own name against a far bigger city that has it only as another name
    ("Divers come ashore at the Sicilian harbour of Augusta, June 3, 2016. REUTERS/Ana Costa",
     {"city": "Augusta", "country_code": "IT"}),  # Augusta is Augsburg's Latin name, not its spelling
    ("Fans watch a practice round at the golf club in Augusta on April 9, 2024. (Photo by Ana Costa/Getty Images)",
     {"city": "Augusta", "country_code": "US"}),
    ("Students rally in Smyrna on Friday. (AP Photo/Ana Costa)", {"country_code": "US"}),  # not Izmir
    ("Demonstranten ziehen durch Dresden, ein Protest gegen die AfD. Foto: Ana Costa/dpa",
     {"city": "Dresden", "country_code": "DE"}),  # "AFD" is a town's airport code, not a town
    ("A girl, one of 200 sub-Saharan Africans, waits on a boat off the coast of Sicily, May 4, 2016. "
     "REUTERS/Ana Costa", {"city": "", "region": "Sicily", "country_code": "IT"}),  # people, not a town
    ("Students march in the capital Khartoum against the army's rule, on June 3, 2022. - Police fired tear gas "
     "near the home of Omar al-Bashir. Photo by Ana Costa", {"city": "Khartoum", "country_code": "SD"}),
    ("Children queue for bread in the Beit Hanoun area, east of Gaza City, on May 3, 2018. (Xinhua/Ana Costa)",
     {"city": "Beit Hanoun"}),  # a two-word name before "area"
    ("Tents stand in the countryside near the town of Foggia | Photo: ARCHIVE ANSA / ANA COSTA",
     {"agency": "ANSA", "photographer": "ANA COSTA", "file_photo": True, "city": "Foggia"}),
    # Xinhua's chain of units from the village to the province: the village is the place
    ("Farmers dry chilies in Lixin Village of Tongdao County in Huaihua City, central China's Hunan Province, "
     "Oct. 3, 2024. (Photo by Ana Costa/Xinhua)", {"city": "Lixin Village", "country_code": "CN"}),
    ("Villagers pick tea in Xiaping Township, Ganzhou City, east China's Jiangxi Province, April 2, 2023. "
     "(Xinhua/Ana Costa)", {"city": "Xiaping Township"}),
    ("Farmers harvest rice in Gaoqiao Village of Fuling District, southwest China's Chongqing, Sept. 9, 2023. "
     "(Xinhua/Ana Costa)", {"city": "Gaoqiao Village", "country_code": "CN"}),
    ("Tourists stroll in the Old Town, Prague, Czech Republic, May 3, 2024. REUTERS/Ana Costa",
     {"city": "Prague"}),  # a guard: a town's Old Town is no settlement of its own
    ("Ducks swim in Xinzhou village, located on the outskirts of Wuhan, on May 3, 2019. (Photo by Ana Costa / AFP)",
     {"city": "Xinzhou", "country_code": "CN"}),  # "located" before a locating phrase
    ("Tourists swim off Vis, a Croatian island in the Adriatic Sea, on July 3, 2023. (AP Photo/Ana Costa)",
     {"city": "Vis", "country_code": "HR"}),  # the people's adjective of an appositive gives the country
    ("Gulls circle over Mallaig, a Scottish fishing port, on May 3, 2024. REUTERS/Ana Costa",
     {"city": "Mallaig", "country_code": "GB"}),
    ("Roszke, Hungary: Families wait at a camp near the border with Serbia. (AP Photo/Ana Costa)",
     {"city": "Roszke", "country_code": "HU"}),  # "Town, Country:" opens the caption
    ("Families queue for flour at the UNICEF camp in the Nowshera district on August 30, 2022. REUTERS/Ana Costa",
     {"city": "", "region": "Nowshera district"}),  # an organisation's camp names no town
]


@pytest.mark.parametrize(("caption", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_real_forms(caption: str, expected: dict) -> None:
    parsed = parse_caption(caption)
    got = {name: getattr(parsed, name) for name in expected}
    assert got == expected
