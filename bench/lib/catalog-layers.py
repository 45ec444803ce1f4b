"""Writes the layer declarations of bench/catalog.sh: one YAML file per generated table cat_NNNNN,
with a title, description and keywords varied by theme, town and year, as a town's own layers
folder (chizu.layers.directory) holds them. Usage: catalog-layers.py FOLDER COUNT"""
import os
import sys

THEMES = [("道路", "Roads", "交通"), ("避難所", "Shelters", "防災"), ("公園", "Parks", "緑地"), ("河川", "Rivers", "水域"),
          ("建物", "Buildings", "都市計画"), ("森林", "Forests", "緑地"), ("農地", "Farmland", "農業"),
          ("学校", "Schools", "教育"), ("病院", "Hospitals", "医療"), ("バス停", "Bus stops", "交通"),
          ("浸水想定区域", "Flood zones", "防災"), ("文化財", "Cultural properties", "観光"),
          ("上水道", "Water mains", "上下水道"), ("用途地域", "Zoning", "都市計画"), ("観光施設", "Tourist sites", "観光")]
TOWNS = [("益田市", "Masuda"), ("安来市", "Yasugi"), ("松江市", "Matsue"), ("出雲市", "Izumo"), ("浜田市", "Hamada"),
         ("大田市", "Oda"), ("江津市", "Gotsu"), ("雲南市", "Unnan"), ("津和野町", "Tsuwano"), ("隠岐の島町", "Okinoshima"),
         ("米子市", "Yonago"), ("鳥取市", "Tottori"), ("萩市", "Hagi"), ("広島市", "Hiroshima"), ("岡山市", "Okayama")]
CATEGORY_EN = {"交通": "transport", "防災": "disaster prevention", "緑地": "green space", "水域": "water",
               "都市計画": "urban planning", "農業": "agriculture", "教育": "education", "医療": "health",
               "観光": "tourism", "上下水道": "water supply"}
LICENCES = [("CC-BY-4.0", "クリエイティブ・コモンズ 表示 4.0 国際", "Creative Commons Attribution 4.0 International",
             "https://creativecommons.org/licenses/by/4.0/"),
            ("ODC-BY-1.0", "オープンデータコモンズ 帰属ライセンス", "Open Data Commons Attribution License",
             "https://opendatacommons.org/licenses/by/1-0/")]


def declaration(n):
    theme_ja, theme_en, category = THEMES[n % len(THEMES)]
    town_ja, town_en = TOWNS[(n // len(THEMES)) % len(TOWNS)]
    year = 2000 + (n * 7) % 26
    lid, lja, len_, lurl = LICENCES[1 if n % 10 == 0 else 0]
    return f"""id: cat_{n:05d}
title: {{ja: "{town_ja}の{theme_ja}（{year}年度 第{n}版）", en: "{theme_en} of {town_en} ({year}, edition {n})"}}
description: {{ja: "{town_ja}が{year}年度に整備した{theme_ja}の区域データです。{category}の計画に使われます。", en: "The {theme_en.lower()} of {town_en} surveyed in {year}, used for {CATEGORY_EN[category]} planning."}}
table: cat_{n:05d}
geometry: {{column: geom, kind: MultiPolygon, srid: 6668}}
access: public
licence: {{id: {lid}, title: {{ja: "{lja}", en: "{len_}"}}, url: "{lurl}"}}
attributes:
  - {{name: name, type: text, label: {{ja: 名称, en: Name}}}}
keywords:
  - {{ja: "{theme_ja}", en: "{theme_en.lower()}"}}
  - {{ja: "{category}", en: "{CATEGORY_EN[category]}"}}
  - {{ja: "{town_ja}", en: "{town_en}"}}
  - {{ja: "{year}年度", en: "FY{year}"}}
"""


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    for n in range(1, count + 1):
        with open(os.path.join(folder, f"cat_{n:05d}.yml"), "w", encoding="utf-8") as out:
            out.write(declaration(n))


if __name__ == "__main__":
    main()
