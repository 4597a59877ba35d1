-- The category tree: 12 top categories, each with its subcategories. Subcategories take their
-- parent's tile colour and icon (web/static/icon-<slug>.svg).
INSERT INTO categories (parent_id, slug, name_ko, name_en, colour, icon, position) VALUES
  (NULL, 'clothing', '의류', 'Clothing', '#b91d47', 'icon-clothing.svg', 1),
  (NULL, 'cosmetics', '화장품', 'Cosmetics', '#ff0097', 'icon-cosmetics.svg', 2),
  (NULL, 'computers', '컴퓨터', 'Computers', '#2d89ef', 'icon-computers.svg', 3),
  (NULL, 'solar', '태양광', 'Solar power', '#e3a21a', 'icon-solar.svg', 4),
  (NULL, 'food', '식품', 'Food', '#00a300', 'icon-food.svg', 5),
  (NULL, 'shoes', '신발', 'Shoes', '#603cba', 'icon-shoes.svg', 6),
  (NULL, 'bags', '가방', 'Bags', '#da532c', 'icon-bags.svg', 7),
  (NULL, 'appliances', '가전제품', 'Appliances', '#2b5797', 'icon-appliances.svg', 8),
  (NULL, 'household', '생활용품', 'Household', '#00aba9', 'icon-household.svg', 9),
  (NULL, 'building', '건축자재', 'Building materials', '#7e3878', 'icon-building.svg', 10),
  (NULL, 'books', '도서', 'Books', '#1e7145', 'icon-books.svg', 11),
  (NULL, 'medicine', '의약품', 'Medicine', '#ee1111', 'icon-medicine.svg', 12);

INSERT INTO categories (parent_id, slug, name_ko, name_en, colour, icon, position)
  SELECT id, 'clothing-men', '남성복', 'Men''s clothing', colour, icon, 1 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'clothing-women', '여성복', 'Women''s clothing', colour, icon, 2 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'clothing-children', '아동복', 'Children''s clothing', colour, icon, 3 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'clothing-winter', '겨울옷', 'Winter clothing', colour, icon, 4 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'clothing-work', '작업복', 'Workwear', colour, icon, 5 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'clothing-underwear', '내의', 'Underwear', colour, icon, 6 FROM categories WHERE slug = 'clothing'
UNION ALL
  SELECT id, 'cosmetics-skincare', '기초화장품', 'Skin care', colour, icon, 1 FROM categories WHERE slug = 'cosmetics'
UNION ALL
  SELECT id, 'cosmetics-makeup', '색조화장품', 'Make-up', colour, icon, 2 FROM categories WHERE slug = 'cosmetics'
UNION ALL
  SELECT id, 'cosmetics-hair', '머리손질', 'Hair care', colour, icon, 3 FROM categories WHERE slug = 'cosmetics'
UNION ALL
  SELECT id, 'cosmetics-soap', '비누·세척제', 'Soap and cleansers', colour, icon, 4 FROM categories WHERE slug = 'cosmetics'
UNION ALL
  SELECT id, 'cosmetics-perfume', '향수', 'Perfume', colour, icon, 5 FROM categories WHERE slug = 'cosmetics'
UNION ALL
  SELECT id, 'computers-laptops', '노트북', 'Laptops', colour, icon, 1 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'computers-desktops', '데스크톱', 'Desktops', colour, icon, 2 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'computers-monitors', '모니터', 'Monitors', colour, icon, 3 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'computers-parts', '부품', 'Parts', colour, icon, 4 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'computers-peripherals', '주변기기', 'Peripherals', colour, icon, 5 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'computers-tablets', '태블릿', 'Tablets', colour, icon, 6 FROM categories WHERE slug = 'computers'
UNION ALL
  SELECT id, 'solar-panels', '태양광 패널', 'Solar panels', colour, icon, 1 FROM categories WHERE slug = 'solar'
UNION ALL
  SELECT id, 'solar-inverters', '인버터', 'Inverters', colour, icon, 2 FROM categories WHERE slug = 'solar'
UNION ALL
  SELECT id, 'solar-batteries', '축전지', 'Batteries', colour, icon, 3 FROM categories WHERE slug = 'solar'
UNION ALL
  SELECT id, 'solar-controllers', '충전조절기', 'Charge controllers', colour, icon, 4 FROM categories WHERE slug = 'solar'
UNION ALL
  SELECT id, 'solar-lights', '태양광 조명', 'Solar lights', colour, icon, 5 FROM categories WHERE slug = 'solar'
UNION ALL
  SELECT id, 'food-grain', '쌀·알곡', 'Rice and grain', colour, icon, 1 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'food-drinks', '음료·술', 'Drinks', colour, icon, 2 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'food-snacks', '과자·당과', 'Snacks and sweets', colour, icon, 3 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'food-seasoning', '장류·조미료', 'Sauces and seasoning', colour, icon, 4 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'food-health', '건강식품', 'Health food', colour, icon, 5 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'food-canned', '통조림', 'Canned food', colour, icon, 6 FROM categories WHERE slug = 'food'
UNION ALL
  SELECT id, 'shoes-men', '남성신발', 'Men''s shoes', colour, icon, 1 FROM categories WHERE slug = 'shoes'
UNION ALL
  SELECT id, 'shoes-women', '여성신발', 'Women''s shoes', colour, icon, 2 FROM categories WHERE slug = 'shoes'
UNION ALL
  SELECT id, 'shoes-sports', '운동화', 'Sports shoes', colour, icon, 3 FROM categories WHERE slug = 'shoes'
UNION ALL
  SELECT id, 'shoes-boots', '장화·겨울신', 'Boots', colour, icon, 4 FROM categories WHERE slug = 'shoes'
UNION ALL
  SELECT id, 'bags-backpacks', '배낭', 'Backpacks', colour, icon, 1 FROM categories WHERE slug = 'bags'
UNION ALL
  SELECT id, 'bags-handbags', '손가방', 'Handbags', colour, icon, 2 FROM categories WHERE slug = 'bags'
UNION ALL
  SELECT id, 'bags-travel', '여행가방', 'Travel bags', colour, icon, 3 FROM categories WHERE slug = 'bags'
UNION ALL
  SELECT id, 'bags-school', '학생가방', 'School bags', colour, icon, 4 FROM categories WHERE slug = 'bags'
UNION ALL
  SELECT id, 'appliances-kitchen', '주방가전', 'Kitchen appliances', colour, icon, 1 FROM categories WHERE slug = 'appliances'
UNION ALL
  SELECT id, 'appliances-fridges', '냉장고', 'Refrigerators', colour, icon, 2 FROM categories WHERE slug = 'appliances'
UNION ALL
  SELECT id, 'appliances-washers', '세탁기', 'Washing machines', colour, icon, 3 FROM categories WHERE slug = 'appliances'
UNION ALL
  SELECT id, 'appliances-tv', 'TV·음향', 'TV and audio', colour, icon, 4 FROM categories WHERE slug = 'appliances'
UNION ALL
  SELECT id, 'appliances-heating', '난방·선풍기', 'Heating and fans', colour, icon, 5 FROM categories WHERE slug = 'appliances'
UNION ALL
  SELECT id, 'household-kitchen', '주방용품', 'Kitchenware', colour, icon, 1 FROM categories WHERE slug = 'household'
UNION ALL
  SELECT id, 'household-cleaning', '청소용품', 'Cleaning', colour, icon, 2 FROM categories WHERE slug = 'household'
UNION ALL
  SELECT id, 'household-bedding', '이불·침구', 'Bedding', colour, icon, 3 FROM categories WHERE slug = 'household'
UNION ALL
  SELECT id, 'household-furniture', '가구', 'Furniture', colour, icon, 4 FROM categories WHERE slug = 'household'
UNION ALL
  SELECT id, 'building-cement', '시멘트·골재', 'Cement and aggregate', colour, icon, 1 FROM categories WHERE slug = 'building'
UNION ALL
  SELECT id, 'building-tiles', '타일·바닥재', 'Tiles and flooring', colour, icon, 2 FROM categories WHERE slug = 'building'
UNION ALL
  SELECT id, 'building-tools', '공구', 'Tools', colour, icon, 3 FROM categories WHERE slug = 'building'
UNION ALL
  SELECT id, 'building-electric', '전기자재', 'Electrical', colour, icon, 4 FROM categories WHERE slug = 'building'
UNION ALL
  SELECT id, 'building-plumbing', '배관자재', 'Plumbing', colour, icon, 5 FROM categories WHERE slug = 'building'
UNION ALL
  SELECT id, 'books-novels', '소설', 'Novels', colour, icon, 1 FROM categories WHERE slug = 'books'
UNION ALL
  SELECT id, 'books-science', '과학기술', 'Science and technology', colour, icon, 2 FROM categories WHERE slug = 'books'
UNION ALL
  SELECT id, 'books-children', '아동도서', 'Children''s books', colour, icon, 3 FROM categories WHERE slug = 'books'
UNION ALL
  SELECT id, 'books-textbooks', '교재·참고서', 'Textbooks', colour, icon, 4 FROM categories WHERE slug = 'books'
UNION ALL
  SELECT id, 'books-dictionaries', '사전', 'Dictionaries', colour, icon, 5 FROM categories WHERE slug = 'books'
UNION ALL
  SELECT id, 'medicine-koryo', '고려약', 'Koryo medicine', colour, icon, 1 FROM categories WHERE slug = 'medicine'
UNION ALL
  SELECT id, 'medicine-cold', '감기약', 'Cold remedies', colour, icon, 2 FROM categories WHERE slug = 'medicine'
UNION ALL
  SELECT id, 'medicine-vitamins', '비타민·영양제', 'Vitamins', colour, icon, 3 FROM categories WHERE slug = 'medicine'
UNION ALL
  SELECT id, 'medicine-firstaid', '구급용품', 'First aid', colour, icon, 4 FROM categories WHERE slug = 'medicine';
