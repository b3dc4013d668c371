{{%AUTOESCAPE context="HTML"}}<div class="diff text">{{#OP}}{{#SAME}}{{T}}{{/SAME}}{{#DEL}}<del>{{T}}</del>{{/DEL}}{{#INS}}<ins>{{T}}</ins>{{/INS}}{{/OP}}</div>
