-- Reference missions (real-world-like; dates and scopes are illustrative). Kept afterwards by registry-admin.
INSERT INTO mission (code, name, organisation, host_countries, starts_on, ends_on) VALUES
 ('EUCAP-SAHEL-NIGER', 'EUCAP Sahel Niger', 'EU', '{NE}', '2012-08-01', '2024-09-30'),
 ('EUCAP-SAHEL-MALI', 'EUCAP Sahel Mali', 'EU', '{ML}', '2015-01-15', NULL),
 ('EUAM-UKRAINE', 'EU Advisory Mission Ukraine', 'EU', '{UA}', '2014-12-01', NULL),
 ('EULEX-KOSOVO', 'EU Rule of Law Mission in Kosovo', 'EU', '{XK}', '2008-12-09', NULL),
 ('EUBAM-LIBYA', 'EU Integrated Border Management Assistance Mission in Libya', 'EU', '{LY}', '2013-05-22', NULL),
 ('UNODC-CRIMJUST', 'UNODC CRIMJUST: criminal justice along cocaine routes', 'UN', '{CO,EC,PE,PA,GH,SN,CV}', '2016-01-01', NULL),
 ('MINUSCA-UNPOL', 'MINUSCA police component', 'UN', '{CF}', '2014-04-10', NULL),
 ('INTERPOL-LIONFISH', 'Interpol Lionfish drug trafficking operations', 'INTERPOL', '{CO,PA,CR,SN,GW,CV}', '2017-03-01', NULL);
