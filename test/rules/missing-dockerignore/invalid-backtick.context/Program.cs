class P{}
