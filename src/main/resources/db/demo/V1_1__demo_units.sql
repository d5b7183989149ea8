-- Demo units (profile "demo" only). Real agencies load their own units.
insert into unit (code, name, level) values
    ('000.00.01.H01', 'Ủy ban nhân dân quận Ba Đình', 'DISTRICT'),
    ('000.00.02.H01', 'Ủy ban nhân dân quận Hoàn Kiếm', 'DISTRICT'),
    ('000.01.01.H01', 'Ủy ban nhân dân phường Phúc Xá', 'COMMUNE');
